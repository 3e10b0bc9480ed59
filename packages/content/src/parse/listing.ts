import { z } from 'zod'

import type { ParseOptions } from '../issues.js'
import { parseBody, type TextBlock } from './body.js'
import { parseImage, type ImageData } from './image.js'
import { parsePostCards, type PostCard } from './post-card.js'
import { isPostSlug, isUrlSlug, optionalText, parseOrReport, requiredText, slugText, type ParseContext } from './primitives.js'
import type { Fields, RawAuthor, RawCategory } from './raw.js'
import { parseSocialLinks, type SocialLink } from './settings.js'

export const PAGE_SIZE = 12

export interface PostList {
  posts: PostCard[]
  total: number
}

export interface Pagination {
  page: number
  pageCount: number
  start: number
  end: number
}

/** GROQ slice bounds for a 1-based page number. */
export function pageBounds(page: number, pageSize = PAGE_SIZE): { start: number; end: number } {
  const safePage = Number.isInteger(page) && page > 0 ? page : 1
  return { start: (safePage - 1) * pageSize, end: safePage * pageSize }
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize))
}

function contextFor(options: ParseOptions, documentId: string | null): ParseContext {
  return { documentId, report: options.onIssue ?? (() => undefined) }
}

function record(raw: unknown): Record<string, unknown> {
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
}

function parseTotal(raw: unknown): number {
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : 0
}

export function parsePostList(raw: unknown, options: ParseOptions = {}): PostList {
  const data = record(raw)
  return {
    posts: parsePostCards(data.posts, contextFor(options, null), 'posts'),
    total: parseTotal(data.total),
  }
}

/**
 * A category's or author's page: the document that heads it (`key`), parsed with `shape`, and the
 * context its posts are reported in. Null when there is no such document or it is unusable.
 */
function listingOf<Head extends { _id: string }>(
  raw: unknown,
  key: 'category' | 'author',
  shape: z.ZodType<Head>,
  options: ParseOptions,
): { head: Head; data: Record<string, unknown>; context: ParseContext } | null {
  const data = record(raw)
  const context = contextFor(options, null)
  if (data[key] === null || data[key] === undefined) return null
  const head = parseOrReport(shape, data[key], context, key)
  return head ? { head, data, context: { ...context, documentId: head._id } } : null
}

export interface Category {
  id: string
  title: string
  slug: string
  description: string | null
}

const categoryShape = z.object({
  _id: requiredText,
  title: requiredText,
  slug: slugText,
  description: optionalText,
} satisfies Fields<RawCategory>)

export function parseCategoryPage(raw: unknown, options: ParseOptions = {}): (PostList & { category: Category }) | null {
  const listing = listingOf(raw, 'category', categoryShape, options)
  if (!listing) return null
  const { head: category, data, context } = listing
  return {
    category: { id: category._id, title: category.title, slug: category.slug, description: category.description },
    posts: parsePostCards(data.posts, context, 'posts'),
    total: parseTotal(data.total),
  }
}

export interface Author {
  id: string
  name: string
  slug: string
  role: string | null
  image: ImageData | null
  bio: TextBlock[]
  socialLinks: SocialLink[]
}

const authorShape = z.object({
  _id: requiredText,
  name: requiredText,
  slug: slugText,
  role: optionalText,
  image: z.unknown(),
  bio: z.unknown(),
  socialLinks: z.unknown(),
} satisfies Fields<RawAuthor>)

export function parseAuthorPage(raw: unknown, options: ParseOptions = {}): (PostList & { author: Author }) | null {
  const listing = listingOf(raw, 'author', authorShape, options)
  if (!listing) return null
  const { head: author, data, context: authorContext } = listing
  // A bio is short portable text: normal paragraphs and links only; anything else is dropped.
  const bio = parseBody(author.bio, { ...authorContext, now: options.now ?? new Date(), utmContent: null, defaultCta: null })
  return {
    author: {
      id: author._id,
      name: author.name,
      slug: author.slug,
      role: author.role,
      image: parseImage(author.image, authorContext, 'author.image'),
      bio: bio.blocks
        .filter((block): block is TextBlock => block._type === 'block')
        .map((block) => ({ ...block, style: 'normal' as const })),
      socialLinks: parseSocialLinks(author.socialLinks, authorContext, 'author.socialLinks'),
    },
    posts: parsePostCards(data.posts, authorContext, 'posts'),
    total: parseTotal(data.total),
  }
}

/** A list of category or author slugs: anything a URL cannot carry is dropped. */
export function parseSlugList(raw: unknown): string[] {
  if (!Array.isArray(raw)) return []
  return raw.filter(isUrlSlug)
}

/** A list of post slugs (pages to prerender): reserved and unusable slugs are dropped. */
export function parsePostSlugList(raw: unknown): string[] {
  if (!Array.isArray(raw)) return []
  return raw.filter(isPostSlug)
}
