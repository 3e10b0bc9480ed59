import { ImageIcon } from '@sanity/icons'
import { defineField, defineType } from 'sanity'

import { validateAltText, validateFigureImage } from '../validation/figure'
import { booleanFieldOf } from '../validation/parent-field'

/** Every image in the model: an image with hotspot/crop plus the words that travel with it. */
export const figure = defineType({
  name: 'figure',
  title: 'Image',
  type: 'image',
  icon: ImageIcon,
  options: { hotspot: true },
  validation: (rule) => rule.custom((value) => validateFigureImage(value)),
  fields: [
    defineField({
      name: 'alt',
      title: 'Alternative text',
      type: 'string',
      description: 'What the image shows, for screen readers and when it fails to load.',
      hidden: ({ parent }) => booleanFieldOf(parent, 'decorative') === true,
      validation: (rule) => rule.custom((alt, context) => validateAltText(alt, context.parent)),
    }),
    defineField({
      name: 'decorative',
      title: 'Decorative',
      type: 'boolean',
      description: 'Adds nothing a reader would miss; screen readers skip it.',
      initialValue: false,
    }),
    defineField({ name: 'caption', title: 'Caption', type: 'string' }),
    defineField({ name: 'credit', title: 'Credit', type: 'string', description: 'Photographer or source.' }),
  ],
  preview: {
    select: { alt: 'alt', caption: 'caption', media: 'asset' },
    prepare: ({ alt, caption, media }) => ({
      title: caption || alt || 'Image',
      subtitle: caption && alt ? alt : undefined,
      media,
    }),
  },
})
