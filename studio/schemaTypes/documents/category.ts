import { categoryHref } from '@journal/content/hrefs'
import { TagsIcon } from '@sanity/icons'
import { defineField, defineType } from 'sanity'

import { slugField } from '../fields/slug-field'

export const category = defineType({
  name: 'category',
  title: 'Category',
  type: 'document',
  icon: TagsIcon,
  fields: [
    defineField({ name: 'title', title: 'Title', type: 'string', validation: (rule) => rule.required() }),
    slugField('title'),
    defineField({ name: 'description', title: 'Description', type: 'text', rows: 3 }),
  ],
  preview: {
    select: { title: 'title', slug: 'slug.current', description: 'description' },
    prepare: ({ title, slug, description }) => ({
      title: title || 'Untitled category',
      subtitle: description || (slug ? categoryHref(slug) : undefined),
    }),
  },
})
