import { z } from 'zod'

import { postHref } from '../hrefs.js'
import { readingTimeMinutes } from '../reading-time.js'
import { parseImage, type ImageData } from './image.js'
import type { Fields, RawAuthorLink, RawCard, RawCategoryLink } from './raw.js'
import {
  isoDate,
  keepValid,
  optionalIsoDate,
  optionalText,
  parseOrReport,
  postSlugText,
  requiredText,
  slugText,
  type ParseContext,
} from './primitives.js'

export interface CategoryLink {
  id: string
  title: string
  slug: string
}

export interface PostCard {
  id: string
  title: string
  slug: string
  href: string
  excerpt: string | null
  publishedAt: string
  mainImage: ImageData | null
  categories: CategoryLink[]
  author: { name: string; slug: string } | null
  readingMinutes: number
}

const categoryShape = z.object({ _id: requiredText, title: requiredText, slug: slugText } satisfies Fields<RawCategoryLink>)

export function parseCategories(raw: unknown, context: ParseContext, path: string): CategoryLink[] {
  return keepValid(raw, (item, index) => {
    if (item === null) return null // a reference to a deleted or unpublished category
    const category = parseOrReport(categoryShape, item, context, `${path}[${index}]`)
    return category ? { id: category._id, title: category.title, slug: category.slug } : null
  })
}

/** A byline: the author's name and page, or null when the author is gone. */
export const authorLinkShape = z
  .object({ name: requiredText, slug: slugText } satisfies Fields<RawAuthorLink>)
  .nullish()
  .catch(null)
  .transform((value) => value ?? null)

const cardShape = z.object({
  _id: requiredText,
  title: requiredText,
  slug: postSlugText,
  excerpt: optionalText,
  publishedAt: isoDate,
  mainImage: z.unknown(),
  categories: z.unknown(),
  author: authorLinkShape,
  wordCount: z.number().nullish().catch(null),
} satisfies Fields<RawCard>)

/** What the article page and the feed read of a whole post before its body (postHeadFields). */
export interface PostHead {
  id: string
  /** _updatedAt, when the Content Lake sent it */
  updatedAt: string | null
  title: string
  slug: string
  excerpt: string | null
  publishedAt: string
  mainImage: ImageData | null
}

export const postHeadShape = {
  _id: requiredText,
  _updatedAt: optionalIsoDate,
  title: requiredText,
  slug: postSlugText,
  excerpt: optionalText,
  publishedAt: isoDate,
  mainImage: z.unknown(),
}

type ParsedHead = { [K in keyof typeof postHeadShape]: z.infer<(typeof postHeadShape)[K]> }

export function postHead(post: ParsedHead, context: ParseContext): PostHead {
  return {
    id: post._id,
    updatedAt: post._updatedAt,
    title: post.title,
    slug: post.slug,
    excerpt: post.excerpt,
    publishedAt: post.publishedAt,
    mainImage: parseImage(post.mainImage, context, 'post.mainImage'),
  }
}

export function parsePostCard(raw: unknown, context: ParseContext, path: string): PostCard | null {
  if (raw === null || raw === undefined) return null
  const card = parseOrReport(cardShape, raw, context, path)
  if (!card) return null
  return {
    id: card._id,
    title: card.title,
    slug: card.slug,
    href: postHref(card.slug),
    excerpt: card.excerpt,
    publishedAt: card.publishedAt,
    mainImage: parseImage(card.mainImage, context, `${path}.mainImage`),
    categories: parseCategories(card.categories, context, `${path}.categories`),
    author: card.author,
    readingMinutes: readingTimeMinutes(card.wordCount ?? 0),
  }
}

export function parsePostCards(raw: unknown, context: ParseContext, path: string): PostCard[] {
  return keepValid(raw, (item, index) => parsePostCard(item, context, `${path}[${index}]`))
}
