import { defineArrayMember, defineType } from 'sanity'

import type { PortableTextSpec } from '../validation/portable-text'

const STYLES = [
  { title: 'Normal', value: 'normal' },
  // Headings start at h2: the page's h1 is the post title.
  { title: 'Heading 2', value: 'h2' },
  { title: 'Heading 3', value: 'h3' },
  { title: 'Heading 4', value: 'h4' },
  { title: 'Quote', value: 'blockquote' },
]
const LISTS = [
  { title: 'Bullet', value: 'bullet' },
  { title: 'Numbered', value: 'number' },
]
const DECORATORS = [
  { title: 'Strong', value: 'strong' },
  { title: 'Emphasis', value: 'em' },
  { title: 'Code', value: 'code' },
]
const ANNOTATIONS = ['link', 'internalLink']
const CUSTOM_BLOCKS = ['figure', 'ctaBlock', 'pullQuote', 'relatedArticle']

/**
 * What the body may hold, derived from the same lists as the editor below. Checked by the
 * `body` field's rule, because a field's own `validation` replaces the one on its type.
 */
export const BODY_SPEC: PortableTextSpec = {
  memberTypes: ['block', ...CUSTOM_BLOCKS],
  styles: STYLES.map(({ value }) => value),
  lists: LISTS.map(({ value }) => value),
  decorators: DECORATORS.map(({ value }) => value),
  annotations: ANNOTATIONS,
}

/** The article body; docs/contracts.md pins the stored shape. */
export const portableText = defineType({
  name: 'portableText',
  title: 'Body',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: STYLES,
      lists: LISTS,
      marks: {
        decorators: DECORATORS,
        annotations: ANNOTATIONS.map((type) => defineArrayMember({ type })),
      },
    }),
    ...CUSTOM_BLOCKS.map((type) => defineArrayMember({ type })),
  ],
})
