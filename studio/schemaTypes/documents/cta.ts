import { CalendarIcon } from '@sanity/icons'
import { defineField, defineType } from 'sanity'

import { describeOffer } from '../../previews/offer-status'
import { urlRule } from '../fields/url-rule'
import { validateExactlyOneOf } from '../validation/exactly-one-of'
import { validateHttpsUrl } from '../validation/https-url'

const DESTINATION = { url: 'a URL', treatment: 'a treatment' }

/** A reusable booking call to action, edited once and shown wherever it is referenced. */
export const cta = defineType({
  name: 'cta',
  title: 'Booking CTA',
  type: 'document',
  icon: CalendarIcon,
  fields: [
    defineField({
      name: 'internalName',
      title: 'Internal name',
      type: 'string',
      description: 'For editors only, to find this CTA in lists.',
      validation: (rule) => rule.required(),
    }),
    defineField({ name: 'headline', title: 'Headline', type: 'string', validation: (rule) => rule.required().max(80) }),
    defineField({ name: 'body', title: 'Body', type: 'text', rows: 3, validation: (rule) => rule.max(280) }),
    defineField({ name: 'offer', title: 'Offer', type: 'offer' }),
    defineField({
      name: 'buttonLabel',
      title: 'Button label',
      type: 'string',
      validation: (rule) => rule.required().max(40),
    }),
    defineField({
      name: 'url',
      title: 'URL',
      type: 'url',
      description: 'Where the button goes. Set this or a treatment, not both.',
      validation: (rule) => urlRule(rule, validateHttpsUrl).custom((_url, context) => validateExactlyOneOf(context.document, DESTINATION)),
    }),
    defineField({
      name: 'treatment',
      title: 'Treatment',
      type: 'reference',
      to: [{ type: 'treatment' }],
      description: 'Books this treatment (its booking URL). Set this or a URL, not both.',
      validation: (rule) => rule.custom((_treatment, context) => validateExactlyOneOf(context.document, DESTINATION)),
    }),
    defineField({
      name: 'campaign',
      title: 'Campaign',
      type: 'string',
      description: 'Sent as utm_campaign; the site adds utm_source, utm_medium and utm_content.',
    }),
  ],
  preview: {
    select: {
      title: 'internalName',
      code: 'offer.code',
      startsAt: 'offer.startsAt',
      endsAt: 'offer.endsAt',
    },
    prepare: ({ title, code, startsAt, endsAt }) => ({
      title: title || 'Untitled CTA',
      subtitle: describeOffer(code ? { code, startsAt, endsAt } : undefined, new Date()),
    }),
  },
})
