import { CogIcon } from '@sanity/icons'
import { defineArrayMember, defineField, defineType } from 'sanity'

import { urlRule } from '../fields/url-rule'
import { validateHttpsUrl, validateSiteOrigin } from '../validation/https-url'

/** Document id of the one site settings document (docs/contracts.md). */
export const SITE_SETTINGS_ID = 'siteSettings'

export const siteSettings = defineType({
  name: 'siteSettings',
  title: 'Site settings',
  type: 'document',
  icon: CogIcon,
  fields: [
    defineField({ name: 'title', title: 'Site title', type: 'string' }),
    defineField({ name: 'description', title: 'Description', type: 'text', rows: 3 }),
    defineField({
      name: 'siteUrl',
      title: 'Site URL',
      type: 'url',
      description: 'Canonical origin, e.g. https://journal.stillpoint.example (no trailing slash).',
      validation: (rule) => urlRule(rule, validateSiteOrigin),
    }),
    defineField({
      name: 'bookingUrl',
      title: 'Booking URL',
      type: 'url',
      validation: (rule) => urlRule(rule, validateHttpsUrl),
    }),
    defineField({
      name: 'defaultCta',
      title: 'Default booking CTA',
      type: 'reference',
      to: [{ type: 'cta' }],
      description: 'Closes every article that has no CTA of its own.',
    }),
    defineField({
      name: 'socialLinks',
      title: 'Social links',
      type: 'array',
      of: [defineArrayMember({ type: 'socialLink' })],
    }),
    defineField({
      name: 'socialPrompt',
      title: 'Social prompt',
      type: 'string',
      description: 'The closing line of every article, e.g. "Wanna share your thoughts? Give us a shout on social".',
    }),
    defineField({ name: 'ogImage', title: 'Default social sharing image', type: 'figure' }),
  ],
  preview: {
    select: { subtitle: 'title' },
    prepare: ({ subtitle }) => ({ title: 'Site settings', subtitle }),
  },
})
