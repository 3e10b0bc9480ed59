import { SearchIcon } from '@sanity/icons'
import { defineField, defineType } from 'sanity'

/** Per-document overrides for search and social sharing; every field falls back on the page's own. */
export const seo = defineType({
  name: 'seo',
  title: 'SEO & sharing',
  type: 'object',
  icon: SearchIcon,
  options: { collapsible: true, collapsed: true },
  fields: [
    defineField({
      name: 'metaTitle',
      title: 'Meta title',
      type: 'string',
      description: 'Replaces the title in search results. Search engines cut titles after about 60 characters.',
      validation: (rule) => rule.max(60),
    }),
    defineField({
      name: 'metaDescription',
      title: 'Meta description',
      type: 'text',
      rows: 3,
      description: 'Replaces the excerpt in search results. Search engines cut descriptions after about 160 characters.',
      validation: (rule) => rule.max(160),
    }),
    defineField({ name: 'ogImage', title: 'Social sharing image', type: 'figure' }),
    defineField({
      name: 'noIndex',
      title: 'Hide from search engines',
      type: 'boolean',
      initialValue: false,
    }),
  ],
})
