import { DocumentTextIcon } from '@sanity/icons'
import { RESERVED_POST_SLUGS } from '@journal/content'
import { defineArrayMember, defineField, defineType } from 'sanity'

import { postDateLabel } from '../../previews/format-published-date'
import { slugField } from '../fields/slug-field'
import { BODY_SPEC } from '../objects/portable-text'
import { validateFigureImage } from '../validation/figure'
import { publishedIdOf, validateNotSelfReference, validateReviewerIsNotAuthor } from '../validation/not-self-reference'
import { validatePortableText } from '../validation/portable-text'

export const post = defineType({
  name: 'post',
  title: 'Post',
  type: 'document',
  icon: DocumentTextIcon,
  groups: [
    { name: 'content', title: 'Content', default: true },
    { name: 'links', title: 'Related & CTA' },
    { name: 'seo', title: 'SEO' },
  ],
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      group: 'content',
      validation: (rule) => rule.required().max(110),
    }),
    { ...slugField('title', RESERVED_POST_SLUGS), group: 'content' },
    defineField({
      name: 'excerpt',
      title: 'Excerpt',
      type: 'text',
      rows: 3,
      group: 'content',
      description: 'Shown on article cards and used as the search description unless SEO overrides it.',
      validation: (rule) => rule.required().min(50).max(200),
    }),
    defineField({
      name: 'publishedAt',
      title: 'Published',
      type: 'datetime',
      group: 'content',
      description:
        'Shown on the article and used to order the blog, newest first. A time in the future schedules the post: once published, it goes live on the site at that moment.',
      initialValue: () => new Date().toISOString(),
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'mainImage',
      title: 'Main image',
      type: 'figure',
      group: 'content',
      // Setting validation here replaces the figure type's own rule, so its image check is repeated.
      validation: (rule) => rule.required().custom((image) => validateFigureImage(image, { required: true })),
    }),
    defineField({
      name: 'author',
      title: 'Author',
      type: 'reference',
      to: [{ type: 'author' }],
      group: 'content',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'categories',
      title: 'Categories',
      type: 'array',
      group: 'content',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'category' }] })],
      validation: (rule) => rule.required().min(1).max(3).unique(),
    }),
    defineField({
      name: 'body',
      title: 'Body',
      type: 'portableText',
      group: 'content',
      validation: (rule) => rule.required().custom((body) => validatePortableText(body, BODY_SPEC)),
    }),
    defineField({
      name: 'relatedPosts',
      title: 'Related articles',
      type: 'array',
      group: 'links',
      description: 'Up to three, shown first; the site fills the rest with recent posts from the same categories.',
      of: [
        defineArrayMember({
          type: 'reference',
          to: [{ type: 'post' }],
          options: {
            disableNew: true,
            // Keep the article itself out of the picker; the validation rule below is the guarantee.
            filter: ({ document }) => ({ filter: '_id != $id', params: { id: publishedIdOf(document._id) } }),
          },
        }),
      ],
      validation: (rule) =>
        rule
          .max(3)
          .unique()
          .custom((related, context) => validateNotSelfReference(related, context.document?._id)),
    }),
    defineField({
      name: 'cta',
      title: 'Booking CTA',
      type: 'reference',
      to: [{ type: 'cta' }],
      group: 'links',
      description: 'Closes the article. Leave empty to use the default CTA from Site settings.',
    }),
    defineField({
      name: 'reviewedBy',
      title: 'Reviewed by',
      type: 'reference',
      to: [{ type: 'author' }],
      group: 'content',
      description: 'For health content: the practitioner who checked it.',
      validation: (rule) => rule.custom((reviewer, context) => validateReviewerIsNotAuthor(reviewer, context.document)),
    }),
    defineField({ name: 'seo', title: 'SEO & sharing', type: 'seo', group: 'seo' }),
    defineField({
      name: 'previousSlugs',
      title: 'Previous slugs',
      type: 'array',
      group: 'seo',
      of: [defineArrayMember({ type: 'string' })],
      description: 'Earlier addresses of this article, redirected permanently. Maintained on publish.',
      // Written by the publish action (actions/publish-with-slug-history.ts); a hand edit could
      // create redirect loops or drop a redirect that external links still use.
      readOnly: true,
    }),
  ],
  orderings: [
    { title: 'Newest first', name: 'publishedAtDesc', by: [{ field: 'publishedAt', direction: 'desc' }] },
    { title: 'Title', name: 'titleAsc', by: [{ field: 'title', direction: 'asc' }] },
  ],
  preview: {
    select: { title: 'title', publishedAt: 'publishedAt', authorName: 'author.name', media: 'mainImage' },
    prepare: ({ title, publishedAt, authorName, media }) => ({
      title: title || 'Untitled post',
      subtitle: [postDateLabel(publishedAt), authorName].filter(Boolean).join(' · '),
      media,
    }),
  },
})
