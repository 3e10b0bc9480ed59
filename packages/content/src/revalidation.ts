import { z } from 'zod'

import { TAGS } from './cache-tags.js'
import webhook from './revalidate-webhook.json' with { type: 'json' }

/**
 * The webhook a Sanity project (or the local lake) sends on every change. Paste the filter and
 * projection into the webhook's settings in sanity.io/manage; the lake reads the same values.
 */
export const REVALIDATE_WEBHOOK: { name: string; description: string; path: string; filter: string; projection: string } = webhook

const payloadShape = z.object({
  _id: z.string().min(1),
  _type: z.string().min(1),
  slug: z.string().nullish(),
  previousSlug: z.string().nullish(),
  categories: z.array(z.string().nullable()).nullish(),
  author: z.string().nullish(),
})

export type ChangedDocument = z.infer<typeof payloadShape>

export function parseChangedDocument(body: unknown): ChangedDocument | null {
  const result = payloadShape.safeParse(body)
  return result.success ? result.data : null
}

/**
 * The cache tags a change expires: the document's own pages and every page that shows it.
 * A slug change expires the old URL and the new one.
 */
export function tagsForChange(change: ChangedDocument): string[] {
  const tags = new Set<string>()
  const slugs = [change.slug, change.previousSlug].filter((slug): slug is string => typeof slug === 'string' && slug !== '')
  switch (change._type) {
    case 'post':
      for (const slug of slugs) tags.add(TAGS.post(slug))
      tags.add(TAGS.postPages)
      tags.add(TAGS.postList)
      for (const category of change.categories ?? []) if (category) tags.add(TAGS.category(category))
      if (change.author) tags.add(TAGS.author(change.author))
      break
    case 'category':
      for (const slug of slugs) tags.add(TAGS.category(slug))
      tags.add(TAGS.type('category'))
      break
    case 'author':
      for (const slug of slugs) tags.add(TAGS.author(slug))
      tags.add(TAGS.type('author'))
      break
    case 'cta':
    case 'treatment':
      tags.add(TAGS.type(change._type))
      break
    case 'siteSettings':
      tags.add(TAGS.settings)
      break
    default:
      break
  }
  return [...tags]
}
