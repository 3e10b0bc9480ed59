import { UserIcon } from '@sanity/icons'
import { defineArrayMember, defineField, defineType } from 'sanity'

import { slugField } from '../fields/slug-field'
import { type PortableTextSpec, validatePortableText } from '../validation/portable-text'

/** A bio is a few plain paragraphs; the only markup is a link (the shared `link` annotation). */
const BIO_SPEC: PortableTextSpec = {
  memberTypes: ['block'],
  styles: ['normal'],
  lists: [],
  decorators: [],
  annotations: ['link'],
}

export const author = defineType({
  name: 'author',
  title: 'Author',
  type: 'document',
  icon: UserIcon,
  fields: [
    defineField({ name: 'name', title: 'Name', type: 'string', validation: (rule) => rule.required() }),
    slugField('name'),
    defineField({ name: 'role', title: 'Role', type: 'string', description: 'E.g. "Licensed massage therapist".' }),
    defineField({ name: 'image', title: 'Portrait', type: 'figure' }),
    defineField({
      name: 'bio',
      title: 'Bio',
      type: 'array',
      description: 'A few sentences; plain paragraphs and links only.',
      of: [
        defineArrayMember({
          type: 'block',
          styles: [{ title: 'Normal', value: 'normal' }],
          lists: [],
          marks: { decorators: [], annotations: BIO_SPEC.annotations.map((type) => defineArrayMember({ type })) },
        }),
      ],
      validation: (rule) => rule.custom((bio) => validatePortableText(bio, BIO_SPEC)),
    }),
    defineField({
      name: 'socialLinks',
      title: 'Social links',
      type: 'array',
      of: [defineArrayMember({ type: 'socialLink' })],
    }),
  ],
  preview: {
    select: { title: 'name', subtitle: 'role', media: 'image' },
  },
})
