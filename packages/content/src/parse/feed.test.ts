import { describe, expect, it } from 'vitest'

import type { ContentIssue } from '../issues.js'
import { FEED_QUERY, POST_OG_QUERY } from '../queries.js'
import { basePost, baseDocs, block, ref, runQuery, span, type Doc } from '../test-fixtures.js'
import { parseFeed } from './feed.js'
import { parsePostOgCard } from './og-card.js'

/** Slices take parameters, which groq-js (like the Content Lake) substitutes at parse time. */
const NOW = new Date('2026-11-25T12:00:00Z')

describe('FEED_QUERY + parseFeed', () => {
  it('returns the newest posts first, with parsed bodies and the default CTA', async () => {
    const dataset: Doc[] = [
      ...baseDocs(),
      basePost('post-old', 'old', '2024-01-01T00:00:00Z'),
      basePost('post-new', 'new', '2025-07-22T09:00:00Z', {
        body: [
          block('Intro'),
          { _type: 'ctaBlock', _key: 'c1' },
          {
            _type: 'block',
            _key: 'l1',
            style: 'normal',
            markDefs: [{ _type: 'link', _key: 'bad', href: 'javascript:alert(1)' }],
            children: [span('unsafe', ['bad'])],
          },
        ],
      }),
      basePost('post-mid', 'mid', '2025-01-01T00:00:00Z'),
    ]
    const issues: ContentIssue[] = []
    const feed = parseFeed(await runQuery(FEED_QUERY, dataset, { limit: 2 }), { now: NOW, onIssue: (i) => issues.push(i) })
    expect(feed.posts.map((post) => post.slug)).toEqual(['new', 'mid'])
    expect(feed.settings.title).toBe('Still Point Journal')
    const [first] = feed.posts
    expect(first?.author).toEqual({ name: 'Maya Lindqvist', slug: 'maya-lindqvist' })
    expect(first?.categories.map((c) => c.title)).toEqual(['Recovery'])
    expect(first?.mainImage?.width).toBe(1600)
    expect(first?.body.map((b) => b._type)).toEqual(['block', 'ctaBlock', 'block'])
    const unsafe = first?.body[2]
    expect(unsafe?._type === 'block' && unsafe.markDefs).toEqual([])
    expect(issues.some((issue) => issue.documentId === 'post-new' && issue.message.includes('unsafe'))).toBe(true)
  })

  it('drops a post that cannot make an item and keeps the rest', () => {
    const feed = parseFeed({ posts: [{ _id: 'x', title: '', slug: 'x', publishedAt: '2025-01-01' }, null], settings: null })
    expect(feed.posts).toEqual([])
    expect(feed.settings.title).toBe('Journal')
  })
})

describe('POST_OG_QUERY + parsePostOgCard', () => {
  it('gives the title, first existing category and brand', async () => {
    const dataset: Doc[] = [
      ...baseDocs(),
      basePost('post-a', 'a', '2025-01-01T00:00:00Z', { categories: [ref('category-deleted'), ref('category-sleep')] }),
    ]
    expect(parsePostOgCard(await runQuery(POST_OG_QUERY, dataset, { slug: 'a' }))).toEqual({
      title: 'Title of a',
      category: 'Stress & Sleep',
      siteTitle: 'Still Point Journal',
    })
    expect(parsePostOgCard(await runQuery(POST_OG_QUERY, dataset, { slug: 'nope' }))).toBeNull()
  })
})
