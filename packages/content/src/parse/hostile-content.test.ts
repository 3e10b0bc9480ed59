/*
 * Content the fuzz test (scripts/fuzz.mjs) found breaking pages or builds, one test per fix.
 * Each case is what the Content Lake can really hold: Studio validation does not guard the API.
 */
import { describe, expect, it } from 'vitest'

import { RESERVED_POST_SLUGS } from '../hrefs.js'
import type { ContentIssue } from '../issues.js'
import { FEED_QUERY, POST_INDEX_QUERY, POST_PAGE_QUERY, POST_SLUGS_QUERY, SETTINGS_QUERY } from '../queries.js'
import { basePost, baseDocs, block, key, ref, runQuery, span, type Doc } from '../test-fixtures.js'
import { parseFeed } from './feed.js'
import { parsePostList, parsePostSlugList, parseSlugList } from './listing.js'
import { parseImage } from './image.js'
import { parsePostPage, parseRedirectSlug } from './post-page.js'
import { isPostSlug, isUrlSlug, MAX_SLUG_BYTES } from './primitives.js'
import { parseSettings } from './settings.js'
import { parseSitemapEntries } from './sitemap.js'

const UNUSABLE_SLUGS = {
  'a lone surrogate (encodeURIComponent throws: it failed the build)': 'lone-\ud800-slug',
  'a NUL (Next cannot write the cached page: it failed the build)': 'nul-\u0000-slug',
  'another control character': 'tab-\t-slug',
  'a dot segment (".." resolves to /blog: it failed the build)': '..',
  'a single dot': '.',
  [`more than ${MAX_SLUG_BYTES} bytes (ENAMETOOLONG writing the cached page: it failed the build)`]: 'long-'.repeat(41),
  'only spaces': '   ',
}

/** Post "a": its text links to `linked` and its editor picked `related`, plus any further blocks. */
function postLinkingTo(
  publishedAt: string,
  { related, linked }: { related: string; linked: string },
  moreBlocks: Array<Record<string, unknown>> = [],
): Doc {
  const linkKey = key()
  return basePost('post-a', 'a', publishedAt, {
    relatedPosts: [ref(related)],
    body: [
      block('', {
        markDefs: [{ _type: 'internalLink', _key: linkKey, reference: ref(linked) }],
        children: [span('linked text', [linkKey])],
      }),
      ...moreBlocks,
    ],
  })
}

describe('slugs a URL cannot carry', () => {
  for (const [why, slug] of Object.entries(UNUSABLE_SLUGS)) {
    it(`refuses ${why}`, () => {
      expect(isUrlSlug(slug)).toBe(false)
    })
  }

  it('keeps everything else exactly as stored: pages are looked up by it', () => {
    for (const slug of ['quiet-mind', 'naïve-ß-日本語', 'emoji-👩‍👩‍👧‍👦', 'a/b', '%2F', '?q', 'trailing ', 'x'.repeat(MAX_SLUG_BYTES)]) {
      expect(isUrlSlug(slug), slug).toBe(true)
    }
    expect(isUrlSlug('日'.repeat(MAX_SLUG_BYTES / 3 + 1))).toBe(false) // the limit is bytes, not characters
  })

  it('leaves them out of the prerendered slugs (generateStaticParams)', () => {
    expect(parseSlugList(['ok', ...Object.values(UNUSABLE_SLUGS), 42, null])).toEqual(['ok'])
  })

  it('drops the card of a post with one from the index instead of failing the page', async () => {
    const dataset: Doc[] = [
      ...baseDocs(),
      basePost('post-ok', 'ok', '2025-01-01T00:00:00Z'),
      ...Object.values(UNUSABLE_SLUGS).map((slug, index) => basePost(`post-bad-${index}`, slug, '2025-02-01T00:00:00Z')),
    ]
    const issues: ContentIssue[] = []
    const raw = await runQuery(POST_INDEX_QUERY, dataset, { start: 0, end: 12 })
    const list = parsePostList(raw, { onIssue: (issue) => issues.push(issue) })
    expect(list.posts.map((post) => post.slug)).toEqual(['ok'])
    expect(issues.length).toBe(Object.keys(UNUSABLE_SLUGS).length)
  })

  it('drops an internal link, a related card and previous/next links to such a post', async () => {
    const bad = 'lone-\ud800-slug'
    const dataset: Doc[] = [
      ...baseDocs(),
      basePost('post-bad', bad, '2025-03-01T00:00:00Z'),
      postLinkingTo('2025-02-01T00:00:00Z', { related: 'post-bad', linked: 'post-bad' }, [
        { _type: 'relatedArticle', _key: key(), post: ref('post-bad') },
      ]),
    ]
    const page = parsePostPage(await runQuery(POST_PAGE_QUERY, dataset, { slug: 'a' }), {
      settings: parseSettings(await runQuery(SETTINGS_QUERY, dataset)),
    })
    expect(page?.post.next).toBeNull()
    expect(page?.post.relatedPosts.map((post) => post.slug)).not.toContain(bad)
    expect(page?.post.body).toEqual([expect.objectContaining({ _type: 'block', markDefs: [] })])
  })

  it('leaves it out of the sitemap', () => {
    expect(
      parseSitemapEntries({ posts: [{ slug: 'ok' }, { slug: 'nul-\u0000' }, { slug: '..' }], categories: [], authors: [] }).posts,
    ).toEqual([{ slug: 'ok', updatedAt: null }])
  })

  it('never redirects an old slug to one (postHref would throw: a 500 on the old URL)', () => {
    expect(parseRedirectSlug('new-home', 'old-home')).toBe('new-home')
    expect(parseRedirectSlug('lone-\ud800', 'old-home')).toBeNull()
    expect(parseRedirectSlug('old-home', 'old-home')).toBeNull()
    expect(parseRedirectSlug(42, 'old-home')).toBeNull()
  })
})

describe("post slugs that name another of /blog's routes", () => {
  // Found by the fuzz test (seed 3510652866): a post whose slug is "feed.xml" was prerendered as
  // /blog/feed.xml, the feed route's path, and `next build` stopped on a Next invariant.
  const reservedPosts = (): Doc[] => [
    ...baseDocs(),
    basePost('post-ok', 'ok', '2025-01-01T00:00:00Z'),
    ...RESERVED_POST_SLUGS.map((slug, index) => basePost(`post-reserved-${index}`, slug, '2025-02-01T00:00:00Z')),
  ]

  it('are not post slugs, though a URL can carry them', () => {
    for (const slug of ['feed.xml', 'page', 'category', 'author']) {
      expect(isUrlSlug(slug), slug).toBe(true)
      expect(isPostSlug(slug), slug).toBe(false)
    }
    // Only the exact segments: routes are case-sensitive, and near misses are ordinary posts.
    for (const slug of ['Feed.xml', 'feed-xml', 'pages', 'page-2', 'author-notes']) expect(isPostSlug(slug), slug).toBe(true)
  })

  it("are the ones the queries' listed-post filter leaves out (spelled out there for TypeGen)", () => {
    const spelled = /slug\.current in (\[[^\]]*\])/u.exec(POST_SLUGS_QUERY)?.[1]
    expect(spelled && JSON.parse(spelled)).toEqual([...RESERVED_POST_SLUGS])
  })

  it('are left out of the prerendered post pages, and only those', async () => {
    expect(await runQuery(POST_SLUGS_QUERY, reservedPosts(), { limit: 50 })).toEqual(['ok'])
    // The parser drops them too, whatever a query returns.
    expect(parsePostSlugList(['ok', ...RESERVED_POST_SLUGS])).toEqual(['ok'])
    // A category or author may be called "page": /blog/category/page is its own URL.
    expect(parseSlugList(['page', 'feed.xml'])).toEqual(['page', 'feed.xml'])
  })

  it('give no page, card, feed item, sitemap entry or link', async () => {
    const dataset = reservedPosts()
    dataset.push(postLinkingTo('2025-01-02T00:00:00Z', { related: 'post-reserved-0', linked: 'post-reserved-4' }))
    expect(parsePostPage(await runQuery(POST_PAGE_QUERY, dataset, { slug: 'feed.xml' }), { settings: parseSettings(null) })).toBeNull()

    const page = parsePostPage(await runQuery(POST_PAGE_QUERY, dataset, { slug: 'a' }), {
      settings: parseSettings(await runQuery(SETTINGS_QUERY, dataset)),
    })
    expect(page).not.toBeNull()
    for (const post of page?.post.relatedPosts ?? []) expect(RESERVED_POST_SLUGS).not.toContain(post.slug)
    expect(page?.post.body).toEqual([expect.objectContaining({ _type: 'block', markDefs: [] })])
    for (const link of [page?.post.previous, page?.post.next]) expect(RESERVED_POST_SLUGS).not.toContain(link?.slug)

    const issues: ContentIssue[] = []
    const list = parsePostList(await runQuery(POST_INDEX_QUERY, dataset, { start: 0, end: 12 }), { onIssue: (issue) => issues.push(issue) })
    expect(list.posts.map((post) => post.slug).sort()).toEqual(['a', 'ok'])
    // Left out by the query itself, so they neither take a place on a page nor count towards pages.
    expect(list.total).toBe(2)
    expect(issues).toEqual([])

    const feed = parseFeed(await runQuery(FEED_QUERY, dataset, { limit: 20 }), { onIssue: () => {} })
    expect(feed.posts.map((post) => post.slug).sort()).toEqual(['a', 'ok'])

    const sitemap = parseSitemapEntries({
      posts: RESERVED_POST_SLUGS.map((slug) => ({ slug })),
      categories: [{ slug: 'page' }],
      authors: [],
    })
    expect(sitemap.posts).toEqual([])
    expect(sitemap.categories).toEqual([{ slug: 'page', updatedAt: null }])
    expect(parseRedirectSlug('feed.xml', 'old-home')).toBeNull()
  })
})

describe('malformed posts in lists', () => {
  it('neither empty the first page of the index nor count towards its pages', async () => {
    // Strings like "yesterday" and objects sort before every real date, so these came first and
    // the parser dropped them after the slice: the fuzz test saw "No articles yet" and 404s for
    // every further page of an index that had hundreds of good posts.
    const malformed = [
      { publishedAt: 'yesterday' },
      { publishedAt: { date: '2025-01-01' } },
      { publishedAt: 1_700_000_000_000 },
      { publishedAt: '2024-06-01' }, // a date without a time is not a timestamp
      { title: 42 },
      { title: ['a', 'list'] },
      { slug: { current: 7 } },
    ]
    const dataset: Doc[] = [
      ...baseDocs(),
      ...Array.from({ length: 14 }, (_, index) =>
        basePost(`post-bad-${index}`, `bad-${index}`, '2025-01-01T00:00:00Z', malformed[index % malformed.length]),
      ),
      basePost('post-good-1', 'good-1', '2024-03-01T00:00:00Z'),
      basePost('post-good-2', 'good-2', '2024-02-01T00:00:00Z'),
    ]
    const raw = await runQuery(POST_INDEX_QUERY, dataset, { start: 0, end: 12 })
    expect(parsePostList(raw)).toMatchObject({ total: 2, posts: [{ slug: 'good-1' }, { slug: 'good-2' }] })
  })
})

describe('image placeholders', () => {
  const image = (lqip: unknown) =>
    parseImage(
      { assetId: 'image-abc-10x10-png', width: 10, height: 10, alt: 'A room', lqip },
      { documentId: null, report: () => undefined },
      'image',
    )

  it('keeps a base64 placeholder', () => {
    expect(image('data:image/jpeg;base64,/9j/4AAQSkZJRg==')?.lqip).toBe('data:image/jpeg;base64,/9j/4AAQSkZJRg==')
  })

  it("drops one that would break out of the style attribute's url() (found by the fuzz test)", () => {
    for (const lqip of [
      'data:image/png;base64,x");background:url(https://evil.example/track',
      'data:image/png;base64,x\\"); } body { display: none',
      'data:image/svg+xml,<svg onload=alert(1)>',
      'javascript:alert(1)',
    ]) {
      expect(image(lqip)?.lqip, lqip).toBeNull()
    }
  })
})

describe('images nobody chose', () => {
  it('reads an image field the Studio filled with only its initial values as no image, without a report', () => {
    const reports: string[] = []
    const context = { documentId: 'post-x', report: (problem: { message: string }) => reports.push(problem.message) }
    // What the post query projects from the Studio's untouched `{_type: 'figure', decorative: false}`.
    expect(
      parseImage({ _type: 'figure', assetId: null, width: null, height: null, lqip: null, decorative: false }, context, 'post.seo.ogImage'),
    ).toBeNull()
    expect(reports).toEqual([])
    // A reference to an asset that is gone is still broken content, and is reported.
    expect(
      parseImage({ _type: 'figure', assetId: 'image-gone-10x10-png', width: null, height: null }, context, 'post.mainImage'),
    ).toBeNull()
    expect(reports).toHaveLength(1)
  })
})
