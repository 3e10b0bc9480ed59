import { CalendarIcon } from '@sanity/icons'
import { defineField, defineType } from 'sanity'

/** A booking call to action placed inside an article body. */
export const ctaBlock = defineType({
  name: 'ctaBlock',
  title: 'Booking CTA',
  type: 'object',
  icon: CalendarIcon,
  fields: [
    defineField({
      name: 'cta',
      title: 'CTA',
      type: 'reference',
      to: [{ type: 'cta' }],
      description: 'Leave empty to show the site’s default CTA.',
    }),
  ],
  preview: {
    select: { internalName: 'cta.internalName', headline: 'cta.headline' },
    prepare: ({ internalName, headline }) => ({
      title: headline || 'Site default CTA',
      subtitle: internalName ? `Booking CTA · ${internalName}` : 'Booking CTA',
    }),
  },
})
