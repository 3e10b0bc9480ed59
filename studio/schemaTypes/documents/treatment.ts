import { HeartIcon } from '@sanity/icons'
import { defineArrayMember, defineField, defineType } from 'sanity'

import { formatSessionLengths } from '../../previews/format-session-lengths'
import { slugField } from '../fields/slug-field'
import { urlRule } from '../fields/url-rule'
import { validateHttpsUrl } from '../validation/https-url'

/** A bookable service that articles link to; links resolve to its booking URL. */
export const treatment = defineType({
  name: 'treatment',
  title: 'Treatment',
  type: 'document',
  icon: HeartIcon,
  fields: [
    defineField({ name: 'name', title: 'Name', type: 'string', validation: (rule) => rule.required() }),
    slugField('name'),
    defineField({ name: 'summary', title: 'Summary', type: 'text', rows: 3 }),
    defineField({
      name: 'sessionLengths',
      title: 'Session lengths (minutes)',
      type: 'array',
      of: [defineArrayMember({ type: 'number', validation: (rule) => rule.integer().positive() })],
      validation: (rule) => rule.unique(),
    }),
    defineField({
      name: 'bookingUrl',
      title: 'Booking URL',
      type: 'url',
      description: 'The page where this treatment is booked. The site adds UTM parameters.',
      validation: (rule) => urlRule(rule, validateHttpsUrl).required(),
    }),
  ],
  preview: {
    select: { title: 'name', sessionLengths: 'sessionLengths' },
    prepare: ({ title, sessionLengths }) => ({
      title: title || 'Untitled treatment',
      subtitle: formatSessionLengths(Array.isArray(sessionLengths) ? sessionLengths : undefined),
    }),
  },
})
