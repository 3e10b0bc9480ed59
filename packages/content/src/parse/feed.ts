import { z } from 'zod'

import type { ParseOptions } from '../issues.js'
import { parseBody, type BodyBlock } from './body.js'
import { authorLinkShape, parseCategories, postHead, postHeadShape, type CategoryLink, type PostHead } from './post-card.js'
import { parseOrReport } from './primitives.js'
import type { Fields, RawFeedPost } from './raw.js'
import { parseSiteSettings, type SiteSettings } from './settings.js'

export interface FeedPost extends PostHead {
  author: { name: string; slug: string } | null
  categories: CategoryLink[]
  body: BodyBlock[]
}

export interface Feed {
  posts: FeedPost[]
  settings: SiteSettings
}

const feedPostShape = z.object({
  ...postHeadShape,
  author: authorLinkShape,
  categories: z.unknown(),
  body: z.unknown(),
} satisfies Fields<RawFeedPost>)

/**
 * Parses FEED_QUERY. Each post is parsed on its own: one that lacks what an item needs (title,
 * slug, date) is dropped and reported, and its body degrades exactly as on the article page.
 */
export function parseFeed(raw: unknown, options: ParseOptions = {}): Feed {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const now = options.now ?? new Date()
  const report = options.onIssue ?? (() => undefined)
  const settings = parseSiteSettings(record.settings, { documentId: 'siteSettings', report, now, utmContent: null })
  const posts: FeedPost[] = []
  const items = Array.isArray(record.posts) ? record.posts : []
  items.forEach((item, index) => {
    const documentId =
      typeof item === 'object' && item !== null && typeof (item as { _id?: unknown })._id === 'string'
        ? (item as { _id: string })._id
        : null
    const post = parseOrReport(feedPostShape, item, { documentId, report }, `posts[${index}]`)
    if (!post) return
    const context = { documentId: post._id, report, now, utmContent: post.slug }
    posts.push({
      ...postHead(post, context),
      author: post.author,
      categories: parseCategories(post.categories, context, 'post.categories'),
      body: parseBody(post.body, { ...context, defaultCta: settings.defaultCta }).blocks,
    })
  })
  return { posts, settings }
}
