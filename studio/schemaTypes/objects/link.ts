import { LinkIcon } from '@sanity/icons'
import { defineField, defineType } from 'sanity'

import { urlRule } from '../fields/url-rule'
import { validateLinkHref } from '../validation/link-href'

/**
 * The external-link annotation, defined once and used by both the post body and the author bio
 * so the two can never drift apart in what they allow.
 */
export const link = defineType({
  name: 'link',
  title: 'Link',
  type: 'object',
  icon: LinkIcon,
  fields: [
    defineField({
      name: 'href',
      title: 'URL',
      type: 'url',
      description: 'A full http(s) address, or mailto: / tel:.',
      validation: (rule) => urlRule(rule, validateLinkHref).required(),
    }),
    defineField({ name: 'openInNewTab', title: 'Open in a new tab', type: 'boolean', initialValue: false }),
  ],
})
