import { describe, expect, it } from 'vitest'

import { SITEMAP_COUNTS_QUERY, SITEMAP_ENTRIES_QUERY } from '../queries.js'
import { basePost, baseDocs, runQuery, type Doc } from '../test-fixtures.js'
import { parseSitemapCounts, parseSitemapEntries, sitemapFileCount, sitemapSlice, type SitemapCounts } from './sitemap.js'

/** Slices take parameters, which groq-js (like the Content Lake) substitutes at parse time. */
const counts = (posts: number, categories = 0, authors = 0): SitemapCounts => ({ posts, categories, authors, lastModified: null })

describe('sitemap slicing', () => {
  it('fits a small site in one file that lists everything', () => {
    const c = counts(16, 4, 3)
    expect(sitemapFileCount(c)).toBe(1)
    expect(sitemapSlice(c, 0)).toEqual({
      includesBlogIndex: true,
      params: { categoryStart: 0, categoryEnd: 4, authorStart: 0, authorEnd: 3, postStart: 0, postEnd: 16 },
    })
    expect(sitemapSlice(c, 1)).toBeNull()
    expect(sitemapSlice(c, -1)).toBeNull()
  })

  it('splits past the limit with every URL in exactly one file', () => {
    const c = counts(120_000, 30, 12)
    const total = 1 + 30 + 12 + 120_000
    expect(sitemapFileCount(c)).toBe(3)
    let listed = 0
    const posts: Array<[number, number]> = []
    for (let file = 0; file < 3; file++) {
      const slice = sitemapSlice(c, file)
      expect(slice).not.toBeNull()
      const p = slice!.params
      const size =
        (slice!.includesBlogIndex ? 1 : 0) + (p.categoryEnd - p.categoryStart) + (p.authorEnd - p.authorStart) + (p.postEnd - p.postStart)
      expect(size).toBeLessThanOrEqual(50_000)
      listed += size
      posts.push([p.postStart, p.postEnd])
    }
    expect(listed).toBe(total)
    expect(posts).toEqual([
      [0, 50_000 - 43],
      [50_000 - 43, 100_000 - 43],
      [100_000 - 43, 120_000],
    ])
    expect(sitemapSlice(c, 1)!.params).toMatchObject({ categoryStart: 30, categoryEnd: 30, authorStart: 12, authorEnd: 12 })
  })

  it('honours a custom limit at the boundaries', () => {
    const c = counts(5, 2, 2) // 10 URLs
    expect(sitemapFileCount(c, 10)).toBe(1)
    expect(sitemapFileCount(c, 3)).toBe(4)
    expect(sitemapSlice(c, 1, 3)!.params).toMatchObject({
      categoryStart: 2,
      categoryEnd: 2,
      authorStart: 0,
      authorEnd: 2,
      postStart: 0,
      postEnd: 1,
    })
    expect(sitemapSlice(c, 3, 3)!.params).toMatchObject({ postStart: 4, postEnd: 5 })
  })
})

describe('SITEMAP queries', () => {
  const dataset: Doc[] = [
    ...baseDocs(),
    { ...basePost('post-a', 'a', '2025-01-01T00:00:00Z'), _updatedAt: '2025-02-01T00:00:00Z' },
    { ...basePost('post-b', 'b', '2025-03-01T00:00:00Z'), _updatedAt: '2025-04-01T00:00:00Z' },
    { ...basePost('post-hidden', 'hidden', '2025-05-01T00:00:00Z', { seo: { noIndex: true } }), _updatedAt: '2026-01-01T00:00:00Z' },
    { _id: 'post-unlisted', _type: 'post', title: 'No slug yet', publishedAt: '2025-01-01T00:00:00Z' },
  ]

  it('counts listed, indexable posts and the categories and authors', async () => {
    const parsed = parseSitemapCounts(await runQuery(SITEMAP_COUNTS_QUERY, dataset))
    expect(parsed).toEqual({ posts: 2, categories: 2, authors: 1, lastModified: '2025-04-01T00:00:00Z' })
  })

  it('returns the requested slices with slug and _updatedAt only', async () => {
    const params = { categoryStart: 0, categoryEnd: 1, authorStart: 0, authorEnd: 0, postStart: 0, postEnd: 5 }
    const raw = await runQuery(SITEMAP_ENTRIES_QUERY, dataset, params)
    const parsed = parseSitemapEntries(raw)
    expect(parsed.categories).toEqual([{ slug: 'recovery', updatedAt: null }])
    expect(parsed.authors).toEqual([])
    expect(parsed.posts).toEqual([
      { slug: 'a', updatedAt: '2025-02-01T00:00:00Z' },
      { slug: 'b', updatedAt: '2025-04-01T00:00:00Z' },
    ])
  })

  it('never throws on junk', () => {
    expect(parseSitemapCounts(null)).toEqual({ posts: 0, categories: 0, authors: 0, lastModified: null })
    expect(parseSitemapEntries({ posts: [{ slug: '' }, null, { slug: 'ok', _updatedAt: 'nope' }] })).toEqual({
      categories: [],
      authors: [],
      posts: [{ slug: 'ok', updatedAt: null }],
    })
  })
})
