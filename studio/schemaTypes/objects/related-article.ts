import { DocumentTextIcon } from '@sanity/icons'
import { defineField, defineType } from 'sanity'

import { validateNotSelfReference } from '../validation/not-self-reference'

/** An inline "Read more" card pointing at another article. */
export const relatedArticle = defineType({
  name: 'relatedArticle',
  title: 'Related article',
  type: 'object',
  icon: DocumentTextIcon,
  fields: [
    defineField({
      name: 'post',
      title: 'Article',
      type: 'reference',
      to: [{ type: 'post' }],
      options: { disableNew: true },
      validation: (rule) => rule.required().custom((post, context) => validateNotSelfReference(post, context.document?._id)),
    }),
  ],
  preview: {
    select: { title: 'post.title', media: 'post.mainImage' },
    prepare: ({ title, media }) => ({ title: title || 'Choose an article', subtitle: 'Read more card', media }),
  },
})
