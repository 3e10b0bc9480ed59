// @vitest-environment node
/*
 * The data layer against a real local lake on a free port, serving a copy of the demo content:
 * the same HTTP requests, GROQ and parsing the site runs in production.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { authorPageQuery, categoryPageQuery, postIndexQuery, postPageQuery, postRedirectQuery } from '@journal/content'
import { startLake, type Lake } from '@journal/local-lake'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.mock('next/headers', () => ({ draftMode: async () => ({ isEnabled: false }) }))

type Content = typeof import('./content')
type Seed = { _id: string; _type: string; [key: string]: unknown }

const SEED = path.resolve(__dirname, '../../../studio/seed')
let lake: Lake
let content: Content
let work: string
let seed: Seed[]

const published = (type: string) => seed.filter((doc) => doc._type === type && !doc._id.startsWith('drafts.'))
const slugOf = (doc: Seed) => (doc.slug as { current: string }).current

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'journal-content-'))
  cpSync(SEED, work, { recursive: true })
  // A malformed post (wrong types everywhere) and a post with a dangling author must not break
  // the lists or the pages around them.
  appendFileSync(
    path.join(work, 'data.ndjson'),
    [
      { _id: 'post-malformed', _type: 'post', title: 42, slug: { current: 'malformed' }, publishedAt: 'yesterday', body: 'text' },
      {
        _id: 'post-dangling',
        _type: 'post',
        title: 'A post whose author was deleted',
        slug: { _type: 'slug', current: 'dangling-author' },
        excerpt: 'This post points at an author and a category that no longer exist in the dataset.',
        publishedAt: '2020-01-01T00:00:00Z',
        author: { _type: 'reference', _ref: 'author-gone' },
        categories: [{ _type: 'reference', _ref: 'category-gone', _key: 'x' }],
        body: [
          { _type: 'mystery', _key: 'm' },
          { _type: 'block', _key: 'b', children: [{ _type: 'span', text: 'Still here.' }] },
        ],
      },
    ]
      .map((doc) => `\n${JSON.stringify(doc)}`)
      .join(''),
  )
  seed = readFileSync(path.join(work, 'data.ndjson'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Seed)
  lake = await startLake({ port: 0, datasetDir: work, token: 'integration-token', log: () => undefined })
  process.env.LOCAL_LAKE_URL = lake.url
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  content = await import('./content')
})

afterAll(async () => {
  await lake?.close()
  rmSync(work, { recursive: true, force: true })
})

describe('data layer against the local lake', () => {
  it('lists published posts newest first, without drafts', async () => {
    const list = await content.load(postIndexQuery, { page: 1 })
    const posts = published('post').filter(
      (doc) => typeof doc.title === 'string' && typeof doc.publishedAt === 'string' && !Number.isNaN(Date.parse(doc.publishedAt as string)),
    )
    expect(list.total).toBeGreaterThanOrEqual(posts.length)
    const dates = list.posts.map((post) => Date.parse(post.publishedAt))
    expect(dates).toEqual([...dates].sort((a, b) => b - a))
    const draftOnly = seed.filter((doc) => doc._id.startsWith('drafts.') && !seed.some((other) => other._id === doc._id.slice(7)))
    for (const draft of draftOnly) expect(list.posts.map((post) => post.slug)).not.toContain(slugOf(draft))
    expect(list.posts.every((post) => post.readingMinutes >= 1)).toBe(true)
  })

  it('loads an article with every body feature, its CTA and related posts', async () => {
    const flagship = published('post').find((doc) =>
      ['pullQuote', 'relatedArticle', 'ctaBlock', 'figure'].every((type) => (doc.body as Seed[]).some((block) => block._type === type)),
    )
    expect(flagship).toBeDefined()
    const page = await content.load(postPageQuery, { slug: slugOf(flagship as Seed) })
    expect(page).not.toBeNull()
    const post = page?.post
    const types = new Set(post?.body.map((block) => block._type))
    for (const type of ['block', 'figure', 'pullQuote', 'relatedArticle', 'ctaBlock']) expect(types).toContain(type)
    const markTypes = new Set(post?.body.flatMap((block) => (block._type === 'block' ? block.markDefs.map((def) => def._type) : [])))
    expect(markTypes).toEqual(new Set(['link', 'internalLink']))
    expect(post?.headings.filter((heading) => heading.level === 2).length).toBeGreaterThanOrEqual(3)
    expect(post?.relatedPosts).toHaveLength(3)
    expect(post?.relatedPosts.map((related) => related.id)).not.toContain(post?.id)
    expect(post?.cta?.offer?.code).toBe('BLOG')
    expect(post?.readingMinutes).toBeGreaterThan(1)
    expect(page?.settings.socialPrompt).toBeTruthy()
  })

  it('shows a CTA whose offer has expired without the offer', async () => {
    const expiredCta = published('cta').find((doc) => {
      const endsAt = (doc.offer as { endsAt?: string } | undefined)?.endsAt
      return endsAt !== undefined && Date.parse(endsAt) < Date.now()
    })
    expect(expiredCta).toBeDefined()
    const post = published('post').find((doc) => (doc.cta as { _ref?: string } | undefined)?._ref === expiredCta?._id)
    const page = await content.load(postPageQuery, { slug: slugOf(post as Seed) })
    expect(page?.post.cta?.id).toBe(expiredCta?._id)
    expect(page?.post.cta?.offer).toBeNull()
  })

  it('404s unknown and malformed posts, and degrades posts with broken references', async () => {
    expect(await content.load(postPageQuery, { slug: 'no-such-post' })).toBeNull()
    expect(await content.load(postPageQuery, { slug: 'malformed' })).toBeNull()
    const dangling = await content.load(postPageQuery, { slug: 'dangling-author' })
    expect(dangling?.post.author).toBeNull()
    expect(dangling?.post.categories).toEqual([])
    expect(dangling?.post.body).toHaveLength(1)
  })

  it('finds the current slug for a previous slug', async () => {
    const renamed = published('post').find((doc) => Array.isArray(doc.previousSlugs) && doc.previousSlugs.length > 0)
    expect(renamed).toBeDefined()
    const old = (renamed?.previousSlugs as string[])[0] ?? ''
    expect(await content.load(postRedirectQuery, { slug: old })).toBe(slugOf(renamed as Seed))
    expect(await content.load(postRedirectQuery, { slug: 'never-existed' })).toBeNull()
  })

  it('loads category and author pages', async () => {
    const category = published('category')[0] as Seed
    const categoryPage = await content.load(categoryPageQuery, { slug: slugOf(category), page: 1 })
    expect(categoryPage?.category.title).toBe(category.title)
    expect(categoryPage?.posts.every((post) => post.categories.some((c) => c.slug === slugOf(category)))).toBe(true)
    const author = published('author')[0] as Seed
    const authorPage = await content.load(authorPageQuery, { slug: slugOf(author), page: 1 })
    expect(authorPage?.author.name).toBe(author.name)
    expect(authorPage?.posts.length).toBeGreaterThan(0)
    expect(await content.load(categoryPageQuery, { slug: 'no-such-category', page: 1 })).toBeNull()
  })
})
