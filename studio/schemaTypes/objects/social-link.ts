import { ShareIcon } from '@sanity/icons'
import { defineField, defineType } from 'sanity'

import { urlRule } from '../fields/url-rule'
import { validateHttpsUrl } from '../validation/https-url'

const PLATFORMS = [
  { title: 'Instagram', value: 'instagram' },
  { title: 'TikTok', value: 'tiktok' },
  { title: 'X', value: 'x' },
  { title: 'Facebook', value: 'facebook' },
  { title: 'YouTube', value: 'youtube' },
  { title: 'LinkedIn', value: 'linkedin' },
]

export const socialLink = defineType({
  name: 'socialLink',
  title: 'Social link',
  type: 'object',
  icon: ShareIcon,
  fields: [
    defineField({
      name: 'platform',
      title: 'Platform',
      type: 'string',
      options: { list: PLATFORMS, layout: 'dropdown' },
      // The site picks the icon and label from the platform, so a link without one cannot render.
      validation: (rule) => rule.required(),
    }),
    defineField({ name: 'handle', title: 'Handle', type: 'string', description: 'As readers would type it, e.g. @stillpointstudio.' }),
    defineField({
      name: 'url',
      title: 'Profile URL',
      type: 'url',
      validation: (rule) => urlRule(rule, validateHttpsUrl).required(),
    }),
  ],
  preview: {
    select: { platform: 'platform', handle: 'handle', url: 'url' },
    prepare: ({ platform, handle, url }) => ({
      title: PLATFORMS.find((p) => p.value === platform)?.title ?? 'Social link',
      subtitle: handle || url,
    }),
  },
})
