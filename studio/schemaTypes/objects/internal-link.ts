import { DocumentIcon } from '@sanity/icons'
import { defineField, defineType } from 'sanity'

/**
 * A link to content that lives in this dataset. It stores a reference, not a URL, so the site
 * builds the href (post page, category page, or the treatment's booking URL) and the link
 * follows the target through slug changes.
 */
export const internalLink = defineType({
  name: 'internalLink',
  title: 'Internal link',
  type: 'object',
  icon: DocumentIcon,
  fields: [
    defineField({
      name: 'reference',
      title: 'Links to',
      type: 'reference',
      to: [{ type: 'post' }, { type: 'treatment' }, { type: 'category' }],
      validation: (rule) => rule.required(),
    }),
  ],
})
