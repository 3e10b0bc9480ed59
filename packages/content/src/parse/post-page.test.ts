import { describe, expect, it } from 'vitest'

import type { ContentIssue } from '../issues.js'
import { POST_PAGE_QUERY, POST_REDIRECT_QUERY, SETTINGS_QUERY } from '../queries.js'
import { basePost, baseDocs, block, figure, key, ref, runQuery, span, type Doc } from '../test-fixtures.js'
import { parsePostPage } from './post-page.js'
import { parseSettings } from './settings.js'

const NOW = new Date('2026-11-25T12:00:00Z')

async function loadPage(dataset: Doc[], slug: string) {
  const issues: ContentIssue[] = []
  const raw = await runQuery(POST_PAGE_QUERY, dataset, { slug })
  // The page is parsed with the settings its render read (SETTINGS_QUERY, once for layout and page).
  const options = { now: NOW, onIssue: (issue: ContentIssue) => issues.push(issue) }
  const settings = parseSettings(await runQuery(SETTINGS_QUERY, dataset), options)
  return { page: parsePostPage(raw, { ...options, settings }), issues }
}

describe('POST_PAGE_QUERY + parsePostPage', () => {
  it('returns null (a 404) for an unknown slug', async () => {
    const { page } = await loadPage([...baseDocs(), basePost('post-a', 'a', '2025-01-01T00:00:00Z')], 'nope')
    expect(page).toBeNull()
  })

  it('renders a complete post with its CTA, offer, reading time and related posts', async () => {
    const long = Array.from({ length: 660 }, (_, i) => `word${i}`).join(' ')
    const dataset = [
      ...baseDocs(),
      basePost('post-a', 'a', '2025-07-22T09:00:00Z', {
        cta: ref('cta-live'),
        body: [block('Why it works', { style: 'h2' }), block(long)],
        relatedPosts: [ref('post-c')],
      }),
      basePost('post-b', 'b', '2025-06-01T00:00:00Z'),
      basePost('post-c', 'c', '2024-01-01T00:00:00Z', { categories: [ref('category-sleep')] }),
      basePost('post-d', 'd', '2025-08-01T00:00:00Z'),
    ]
    const { page, issues } = await loadPage(dataset, 'a')
    expect(page).not.toBeNull()
    const post = page!.post
    expect(post.title).toBe('Title of a')
    expect(post.readingMinutes).toBe(3)
    expect(post.author?.name).toBe('Maya Lindqvist')
    expect(post.categories.map((c) => c.slug)).toEqual(['recovery'])
    expect(post.relatedPosts.map((p) => p.slug)).toEqual(['c', 'd', 'b'])
    expect(post.cta?.offer?.code).toBe('BLOG')
    const href = new URL(post.cta!.href)
    expect(href.searchParams.get('utm_campaign')).toBe('blog-first-session')
    expect(href.searchParams.get('utm_content')).toBe('a')
    expect(post.headings).toEqual([{ id: 'why-it-works', text: 'Why it works', level: 2 }])
    expect(post.previous?.slug).toBe('b')
    expect(post.next?.slug).toBe('d')
    expect(page!.settings.socialLinks).toHaveLength(1)
    expect(issues.some((issue) => issue.path.startsWith('settings.socialLinks'))).toBe(true)
  })

  it('falls back to the default CTA and hides an expired offer', async () => {
    const dataset = [
      ...baseDocs(),
      basePost('post-a', 'a', '2025-01-01T00:00:00Z', { cta: ref('cta-expired') }),
      basePost('post-b', 'b', '2025-01-02T00:00:00Z'),
    ]
    const expired = (await loadPage(dataset, 'a')).page!.post.cta
    expect(expired?.headline).toBe('Spring reset')
    expect(expired?.offer).toBeNull()
    expect(expired?.href).toMatch(/^https:\/\/book\.example\.com\/treatments\/total-back\?/u)
    const fallback = (await loadPage(dataset, 'b')).page!.post.cta
    expect(fallback?.id).toBe('cta-live')
  })

  it('drops broken references, unsafe links and unknown blocks without failing the page', async () => {
    const linkKey = key()
    const internalKey = key()
    const brokenKey = key()
    const dataset = [
      ...baseDocs(),
      basePost('post-a', 'a', '2025-01-01T00:00:00Z', {
        author: ref('author-deleted'),
        categories: [ref('category-deleted'), ref('category-recovery')],
        mainImage: figure('image-missing-10x10-jpg'),
        relatedPosts: [ref('post-a'), ref('post-deleted')],
        body: [
          {
            _type: 'block',
            _key: key(),
            style: 'normal',
            markDefs: [
              { _type: 'link', _key: linkKey, href: 'javascript:alert(1)' },
              { _type: 'internalLink', _key: internalKey, reference: ref('treatment-back') },
              { _type: 'internalLink', _key: brokenKey, reference: ref('post-deleted') },
            ],
            children: [span('bad', [linkKey]), span(' good', [internalKey, 'strong']), span(' gone', [brokenKey, 'blink'])],
          },
          { _type: 'mysteryWidget', _key: key() },
          { _type: 'pullQuote', _key: key() },
          { ...figure('image-abc123-1600x1000-jpg', null), _key: key() },
          { _type: 'relatedArticle', _key: key(), post: ref('post-deleted') },
          { _type: 'ctaBlock', _key: key() },
          'not even an object',
        ],
      }),
    ]
    const { page, issues } = await loadPage(dataset, 'a')
    const post = page!.post
    expect(post.author).toBeNull()
    expect(post.mainImage).toBeNull()
    expect(post.categories.map((c) => c.slug)).toEqual(['recovery'])
    expect(post.relatedPosts).toEqual([])
    expect(post.body.map((b) => b._type)).toEqual(['block', 'figure', 'ctaBlock'])
    const first = post.body[0]
    if (first?._type !== 'block') throw new Error('expected a text block')
    expect(first.markDefs.map((d) => d._type)).toEqual(['internalLink'])
    expect(first.children.map((s) => s.marks)).toEqual([[], [internalKey, 'strong'], []])
    const figureBlock = post.body[1]
    expect(figureBlock?._type === 'figure' && figureBlock.image.decorative).toBe(true)
    const messages = issues.map((issue) => issue.message).join('\n')
    expect(messages).toMatch(/unknown block type "mysteryWidget"/u)
    expect(messages).toMatch(/unsafe or invalid link/u)
    // Each issue names its document: the post's, or the settings' (parsed once for the whole render).
    expect(issues.every((issue) => issue.documentId === (issue.path.startsWith('settings.') ? 'siteSettings' : 'post-a'))).toBe(true)
  })

  it('gives null for a post missing what a page needs', async () => {
    const dataset = [...baseDocs(), { ...basePost('post-a', 'a', '2025-01-01T00:00:00Z'), title: 42 }]
    expect((await loadPage(dataset, 'a')).page).toBeNull()
  })

  it('finds the current slug for a previous one', async () => {
    const dataset = [...baseDocs(), basePost('post-a', 'new-slug', '2025-01-01T00:00:00Z', { previousSlugs: ['old-slug'] })]
    expect(await runQuery(POST_REDIRECT_QUERY, dataset, { slug: 'old-slug' })).toBe('new-slug')
    expect(await runQuery(POST_REDIRECT_QUERY, dataset, { slug: 'other' })).toBeNull()
  })

  it('never throws on garbage', () => {
    for (const raw of [null, undefined, 42, 'x', [], { post: 'x' }, { post: { _id: 1 } }, { post: null, settings: 5 }]) {
      expect(() => parsePostPage(raw, { settings: parseSettings(null) })).not.toThrow()
    }
  })
})
