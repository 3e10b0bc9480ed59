import { z } from 'zod'

import { DEFAULT_SITE_TITLE } from './settings.js'
import { optionalText, requiredText } from './primitives.js'
import type { Fields, RawOgCard, RawOgPost } from './raw.js'

/** What a post's generated Open Graph image shows. */
export interface PostOgCard {
  title: string
  /** the first category that still exists */
  category: string | null
  siteTitle: string
}

const ogShape = z.object({
  post: z.object({ title: requiredText, categories: z.array(z.unknown()).nullish().catch(null) } satisfies Fields<RawOgPost>),
  siteTitle: optionalText,
} satisfies Fields<RawOgCard>)

/** Parses POST_OG_QUERY: null (a 404) when the post does not exist. */
export function parsePostOgCard(raw: unknown): PostOgCard | null {
  const parsed = ogShape.safeParse(raw)
  if (!parsed.success) return null
  const categories = (parsed.data.post.categories ?? []).filter(
    (title): title is string => typeof title === 'string' && title.trim() !== '',
  )
  return {
    title: parsed.data.post.title,
    category: categories[0]?.trim() ?? null,
    siteTitle: parsed.data.siteTitle ?? DEFAULT_SITE_TITLE,
  }
}
