import { z } from 'zod'

import { optionalIsoDate, postSlugText, slugText } from './primitives.js'
import type { Fields, RawSitemapCounts, RawSitemapEntry } from './raw.js'

/** The sitemap protocol's limit on URLs per file (and Google's). */
export const SITEMAP_URL_LIMIT = 50_000

export interface SitemapCounts {
  posts: number
  categories: number
  authors: number
  /** the newest _updatedAt of any listed post: the blog index's lastModified */
  lastModified: string | null
}

export interface SitemapEntry {
  slug: string
  updatedAt: string | null
}

export interface SitemapEntries {
  categories: SitemapEntry[]
  authors: SitemapEntry[]
  posts: SitemapEntry[]
}

const count = z.number().int().nonnegative().catch(0)

const countsShape = z.object({
  posts: count,
  categories: count,
  authors: count,
  lastModified: optionalIsoDate,
} satisfies Fields<RawSitemapCounts>)

/** Parses SITEMAP_COUNTS_QUERY; anything unreadable counts as zero. */
export function parseSitemapCounts(raw: unknown): SitemapCounts {
  const parsed = countsShape.safeParse(raw ?? {})
  return parsed.success ? parsed.data : { posts: 0, categories: 0, authors: 0, lastModified: null }
}

const entryShape = z.object({ slug: slugText, _updatedAt: optionalIsoDate } satisfies Fields<RawSitemapEntry>)
const postEntryShape = z.object({ slug: postSlugText, _updatedAt: optionalIsoDate } satisfies Fields<RawSitemapEntry>)

function entries(raw: unknown, shape: typeof entryShape = entryShape): SitemapEntry[] {
  if (!Array.isArray(raw)) return []
  const kept: SitemapEntry[] = []
  for (const item of raw) {
    const entry = shape.safeParse(item)
    if (entry.success) kept.push({ slug: entry.data.slug, updatedAt: entry.data._updatedAt })
  }
  return kept
}

/** Parses SITEMAP_ENTRIES_QUERY; an entry without a usable slug (for a post: not a reserved one) is dropped. */
export function parseSitemapEntries(raw: unknown): SitemapEntries {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  return { categories: entries(record.categories), authors: entries(record.authors), posts: entries(record.posts, postEntryShape) }
}

/** The total number of URLs: the blog index, then every category, author and post page. */
export function sitemapUrlCount(counts: SitemapCounts): number {
  return 1 + counts.categories + counts.authors + counts.posts
}

/** How many sitemap files the URLs need; always at least one. */
export function sitemapFileCount(counts: SitemapCounts, limit = SITEMAP_URL_LIMIT): number {
  return Math.max(1, Math.ceil(sitemapUrlCount(counts) / limit))
}

export interface SitemapSlice {
  /** whether this file lists the blog index (only the first does) */
  includesBlogIndex: boolean
  /** the GROQ slice bounds SITEMAP_ENTRIES_QUERY takes */
  params: {
    categoryStart: number
    categoryEnd: number
    authorStart: number
    authorEnd: number
    postStart: number
    postEnd: number
  }
}

/**
 * Which URLs sitemap file `file` (0-based) lists. The URLs form one sequence — the blog index,
 * categories, authors, posts — cut into files of `limit`; each file takes the part of each kind
 * that falls inside its window. Null when there is no such file.
 */
export function sitemapSlice(counts: SitemapCounts, file: number, limit = SITEMAP_URL_LIMIT): SitemapSlice | null {
  if (!Number.isInteger(file) || file < 0 || file >= sitemapFileCount(counts, limit)) return null
  const from = file * limit
  const to = from + limit
  let offset = 1 // the blog index
  const window = (size: number): [number, number] => {
    const start = Math.min(Math.max(from - offset, 0), size)
    const end = Math.min(Math.max(to - offset, 0), size)
    offset += size
    return [start, end]
  }
  const [categoryStart, categoryEnd] = window(counts.categories)
  const [authorStart, authorEnd] = window(counts.authors)
  const [postStart, postEnd] = window(counts.posts)
  return {
    includesBlogIndex: from === 0,
    params: { categoryStart, categoryEnd, authorStart, authorEnd, postStart, postEnd },
  }
}
