import { describe, expect, it } from 'vitest'

import { contentClock, formatMomentsHeader, LISTED_UNTIL_ALL, MOMENTS_QUERY, parseMoments } from './moments.js'
import { FEED_QUERY, POST_INDEX_QUERY, POST_PAGE_QUERY, SITEMAP_ENTRIES_QUERY } from './queries.js'
import { basePost, baseDocs, ref, runQuery, type Doc } from './test-fixtures.js'

const at = (iso: string) => new Date(iso)

describe('contentClock', () => {
  const moments = parseMoments({
    posts: ['2026-03-01T09:00:00Z', '2026-05-01T09:00:00Z', 'not a date'],
    offers: [
      { startsAt: '2026-02-01T00:00:00Z', endsAt: '2026-02-15T00:00:00Z' },
      { startsAt: null, endsAt: '2026-04-01T00:00:00Z' },
      'junk',
    ],
  })

  it('lists posts up to just before the next scheduled one, and names the next soft and hard moments', () => {
    const clock = contentClock(moments, at('2026-01-10T00:00:00Z'))
    expect(clock.listedUntil).toBe('2026-03-01T08:59:59.999Z')
    expect(clock.staleAt?.toISOString()).toBe('2026-02-01T00:00:00.000Z')
    expect(clock.expiresAt?.toISOString()).toBe('2026-02-15T00:00:00.001Z')
  })

  it('keeps the same listing until the scheduled post goes live, then moves to the next one', () => {
    expect(contentClock(moments, at('2026-02-28T23:59:59Z')).listedUntil).toBe('2026-03-01T08:59:59.999Z')
    expect(contentClock(moments, at('2026-03-01T09:00:00.001Z')).listedUntil).toBe('2026-05-01T08:59:59.999Z')
    expect(contentClock(moments, at('2026-06-01T00:00:00Z'))).toMatchObject({
      listedUntil: LISTED_UNTIL_ALL,
      staleAt: null,
      expiresAt: null,
    })
  })

  it('writes the moments for the cache, leaving out what is not there', () => {
    expect(formatMomentsHeader(contentClock(moments, at('2026-01-10T00:00:00Z')))).toBe(
      'stale=2026-02-01T00:00:00.000Z; expires=2026-02-15T00:00:00.001Z',
    )
    expect(formatMomentsHeader({ staleAt: null, expiresAt: null })).toBeNull()
  })
})

describe('scheduled posts', () => {
  const dataset: Doc[] = [
    ...baseDocs(),
    basePost('post-live', 'live', '2026-01-01T00:00:00Z', { relatedPosts: [ref('post-soon')] }),
    basePost('post-soon', 'soon', '2026-03-01T09:00:00Z'),
  ]
  const before = '2026-03-01T08:59:59.999Z'

  it('are not served, listed, related, in the feed or the sitemap before their moment', async () => {
    const page = (await runQuery(POST_PAGE_QUERY, dataset, { slug: 'soon', listedUntil: before })) as { post: unknown }
    expect(page.post).toBeNull()
    const live = (await runQuery(POST_PAGE_QUERY, dataset, { slug: 'live', listedUntil: before })) as {
      post: { relatedPosts: unknown[]; next: unknown }
    }
    expect(live.post.relatedPosts).toEqual([])
    expect(live.post.next).toBeNull()
    const index = (await runQuery(POST_INDEX_QUERY, dataset, { start: 0, end: 12, listedUntil: before })) as { total: number }
    expect(index.total).toBe(1)
    const feed = (await runQuery(FEED_QUERY, dataset, { limit: 20, listedUntil: before })) as { posts: { _id: string }[] }
    expect(feed.posts.map((post) => post._id)).toEqual(['post-live'])
    const sitemap = (await runQuery(SITEMAP_ENTRIES_QUERY, dataset, {
      categoryStart: 0,
      categoryEnd: 0,
      authorStart: 0,
      authorEnd: 0,
      postStart: 0,
      postEnd: 10,
      listedUntil: before,
    })) as { posts: unknown[] }
    expect(sitemap.posts).toHaveLength(1)
  })

  it('are everywhere once the listing moves past them', async () => {
    const index = (await runQuery(POST_INDEX_QUERY, dataset, { start: 0, end: 12, listedUntil: LISTED_UNTIL_ALL })) as { total: number }
    expect(index.total).toBe(2)
    const live = (await runQuery(POST_PAGE_QUERY, dataset, { slug: 'live' })) as { post: { relatedPosts: { slug: string }[] } }
    expect(live.post.relatedPosts.map((post) => post.slug)).toEqual(['soon'])
  })

  it('are the moments the query reports, with offer windows', async () => {
    const raw = await runQuery(MOMENTS_QUERY, [
      ...dataset,
      basePost('post-far', 'far', '2099-01-01T00:00:00Z'),
      { _id: 'cta-x', _type: 'cta', offer: { code: 'X', startsAt: '2098-02-01T00:00:00Z', endsAt: '2098-03-01T00:00:00Z' } },
    ])
    const moments = parseMoments(raw)
    // GROQ's now() is the real clock: posts already live (2026-01-01, 2026-03-01) are no moments.
    expect(moments.posts).toEqual([Date.parse('2099-01-01T00:00:00Z')])
    expect(moments.offerStarts).toContain(Date.parse('2098-02-01T00:00:00Z'))
    expect(moments.offerEnds).toContain(Date.parse('2098-03-01T00:00:00Z'))
  })
})
