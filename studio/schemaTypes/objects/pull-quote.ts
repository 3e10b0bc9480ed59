import { BlockquoteIcon } from '@sanity/icons'
import { defineField, defineType } from 'sanity'

/** A short line lifted out of the article and set large; distinct from a quoted block of text. */
export const pullQuote = defineType({
  name: 'pullQuote',
  title: 'Pull quote',
  type: 'object',
  icon: BlockquoteIcon,
  fields: [
    defineField({ name: 'text', title: 'Text', type: 'text', rows: 3, validation: (rule) => rule.required() }),
    defineField({ name: 'attribution', title: 'Attribution', type: 'string' }),
  ],
  preview: {
    select: { text: 'text', attribution: 'attribution' },
    prepare: ({ text, attribution }) => ({
      title: text || 'Pull quote',
      subtitle: attribution ? `— ${attribution}` : 'Pull quote',
    }),
  },
})
