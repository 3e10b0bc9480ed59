import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { fetchText, lakeQuery, mutate, timeUntil } from './support'

const base = process.env.E2E_BASE_URL ?? ''
const run = Date.now().toString(36)

interface Refs {
  author: string
  authorSlug: string
  category: string
  categorySlug: string
  cta: string
}

async function refs(): Promise<Refs> {
  const found = await lakeQuery<Refs>(`{
    "author": *[_type == "author"][0]._id, "authorSlug": *[_type == "author"][0].slug.current,
    "category": *[_type == "category"][0]._id, "categorySlug": *[_type == "category"][0].slug.current,
    "cta": *[_type == "cta"][0]._id
  }`)
  return found
}

function newPost(id: string, slug: string, title: string, r: Refs) {
  return {
    _id: id,
    _type: 'post',
    title,
    slug: { _type: 'slug', current: slug },
    excerpt: 'A post written by the end-to-end tests to watch a publish reach the live site.',
    publishedAt: new Date().toISOString(),
    author: { _type: 'reference', _ref: r.author },
    categories: [{ _type: 'reference', _ref: r.category, _key: 'c1' }],
    cta: { _type: 'reference', _ref: r.cta },
    body: [
      {
        _type: 'block',
        _key: 'h',
        style: 'h2',
        markDefs: [],
        children: [{ _type: 'span', _key: 's1', text: 'Published by a test', marks: [] }],
      },
      {
        _type: 'block',
        _key: 'p',
        style: 'normal',
        markDefs: [],
        children: [{ _type: 'span', _key: 's2', text: 'Hello from the lake.', marks: [] }],
      },
    ],
  }
}

const showsTitle = (url: string, title: string) => async () => (await fetchText(url)).text.includes(title)

test.describe('publishing', () => {
  test('a new post, an edit and a delete reach the article, the index, category and author pages within 2 s', async () => {
    const r = await refs()
    const id = `post-e2e-${run}`
    const slug = `e2e-publish-${run}`
    const title = `Freshly published ${run}`
    // Warm the cached pages first, so the test sees revalidation rather than a first render.
    for (const page of ['/blog', `/blog/category/${r.categorySlug}`, `/blog/author/${r.authorSlug}`]) await fetchText(base + page)

    await mutate([{ create: newPost(id, slug, title, r) }])
    for (const page of ['/blog', `/blog/category/${r.categorySlug}`, `/blog/author/${r.authorSlug}`, `/blog/${slug}`]) {
      expect(await timeUntil(showsTitle(base + page, title), 2000), page).toBeLessThanOrEqual(2000)
    }

    const edited = `Edited title ${run}`
    await mutate([{ patch: { id, set: { title: edited } } }])
    expect(await timeUntil(showsTitle(`${base}/blog/${slug}`, edited), 2000)).toBeLessThanOrEqual(2000)
    expect(await timeUntil(showsTitle(`${base}/blog`, edited), 2000)).toBeLessThanOrEqual(2000)

    await mutate([{ delete: { id } }])
    expect(await timeUntil(async () => (await fetchText(`${base}/blog/${slug}`)).status === 404, 2000)).toBeLessThanOrEqual(2000)
    expect(await timeUntil(async () => !(await fetchText(`${base}/blog`)).text.includes(edited), 2000)).toBeLessThanOrEqual(2000)
    const index = await fetchText(`${base}/sitemap.xml`)
    expect(index.status).toBe(200)
    const sitemaps = [...index.text.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((match) => new URL(match[1] ?? '').pathname)
    expect(sitemaps.length).toBeGreaterThan(0)
    for (const sitemap of sitemaps) {
      expect(await timeUntil(async () => !(await fetchText(base + sitemap)).text.includes(slug), 2000)).toBeLessThanOrEqual(2000)
    }
  })

  test("changing a CTA's offer updates every article that shows it", async () => {
    const cta = await lakeQuery<{ _id: string; code: string; slugs: string[] }>(`*[_id == "cta-blog-first-session"][0]{
      _id, "code": offer.code,
      "slugs": *[_type == "post" && (cta._ref == ^._id || !defined(cta))][0...3].slug.current
    }`)
    expect(cta.slugs.length).toBeGreaterThan(0)
    for (const slug of cta.slugs) expect((await fetchText(`${base}/blog/${slug}`)).text).toContain(cta.code)
    const newCode = `E2E${run.toUpperCase().replace(/[^A-Z0-9]/gu, '')}`.slice(0, 20)
    await mutate([{ patch: { id: cta._id, set: { 'offer.code': newCode } } }])
    try {
      for (const slug of cta.slugs) {
        expect(await timeUntil(showsTitle(`${base}/blog/${slug}`, newCode), 2000), slug).toBeLessThanOrEqual(2000)
      }
    } finally {
      await mutate([{ patch: { id: cta._id, set: { 'offer.code': cta.code } } }])
    }
  })

  test('renaming a slug keeps the old URL working as a 308 to the new one', async ({ request }) => {
    const r = await refs()
    const id = `post-e2e-rename-${run}`
    const oldSlug = `e2e-old-${run}`
    const newSlug = `e2e-new-${run}`
    // An older slug nobody has asked for, so its first answer is rendered, not served from the cache.
    const olderSlug = `e2e-older-${run}`
    // One Location header, not two identical ones (vercel/next.js#82117; lib/redirect-headers.ts):
    // proxies that merge repeated headers would make "/new, /new" of it.
    const locations = (response: { headersArray(): Array<{ name: string; value: string }> }) =>
      response
        .headersArray()
        .filter((header) => header.name.toLowerCase() === 'location')
        .map((header) => header.value)
    await mutate([{ create: newPost(id, oldSlug, `Rename me ${run}`, r) }])
    // Deleted whatever happens: a post left behind would be missing from the sitemap and feed tests' pages.
    try {
      expect((await fetchText(`${base}/blog/${oldSlug}`)).status).toBe(200)
      // What Studio's publish action writes when the slug changes.
      await mutate([{ patch: { id, set: { slug: { _type: 'slug', current: newSlug }, previousSlugs: [olderSlug, oldSlug] } } }])
      await timeUntil(async () => (await fetchText(`${base}/blog/${oldSlug}`)).status === 308, 2000)
      const firstAnswer = await request.get(`/blog/${olderSlug}`, { maxRedirects: 0 })
      expect(firstAnswer.status()).toBe(308)
      expect(firstAnswer.headers()['x-nextjs-cache']).toBe('MISS')
      expect(locations(firstAnswer)).toEqual([`/blog/${newSlug}`])
      // Asked again for 1.5 s: the cached redirect is served fresh, then stale once the webhook's
      // second mark (a second after the first) lands, and re-rendered; each answer must say where.
      const until = Date.now() + 1500
      while (Date.now() < until) {
        const response = await request.get(`/blog/${oldSlug}`, { maxRedirects: 0 })
        const answer = `x-nextjs-cache: ${response.headers()['x-nextjs-cache']}, age: ${response.headers()['age']}`
        expect(response.status(), answer).toBe(308)
        expect(locations(response), answer).toEqual([`/blog/${newSlug}`])
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect((await fetchText(`${base}/blog/${newSlug}`)).status).toBe(200)
    } finally {
      await mutate([{ delete: { id } }])
    }
  })
})

test.describe('the revalidation webhook', () => {
  const body = JSON.stringify({ _id: 'post-x', _type: 'post', slug: 'x' })

  test('refuses a missing, forged or replayed-with-altered-body signature', async ({ request }) => {
    expect((await request.post('/api/revalidate', { data: body })).status()).toBe(401)
    const forged = `t=${Date.now()},v1=${Buffer.from('forged').toString('base64url')}`
    expect((await request.post('/api/revalidate', { data: body, headers: { 'sanity-webhook-signature': forged } })).status()).toBe(401)
    expect((await request.post('/api/revalidate', { data: 'not json', headers: { 'sanity-webhook-signature': 'x' } })).status()).toBe(401)
  })
})

test.describe('draft mode', () => {
  test('a wrong or missing secret gets 401', async ({ request }) => {
    expect((await request.get('/api/draft-mode/enable', { maxRedirects: 0 })).status()).toBe(401)
    expect((await request.get('/api/draft-mode/enable?secret=wrong', { maxRedirects: 0 })).status()).toBe(401)
  })

  test('the right secret shows drafts with a banner to that browser only, and never caches them', async ({ browser }) => {
    const r = await refs()
    const id = `post-e2e-draft-${run}`
    const slug = `e2e-draft-${run}`
    const draftTitle = `Draft only ${run}`
    const published = await lakeQuery<{ _id: string; slug: string; title: string }>(
      `*[_type == "post" && defined(slug.current)] | order(publishedAt desc)[0]{_id, "slug": slug.current, title}`,
    )
    const editedTitle = `Unpublished edit ${run}`
    const draftOfPublished = await lakeQuery<Record<string, unknown>>(`*[_id == $id][0]`, { id: published._id })
    await mutate([
      { create: { ...newPost(`drafts.${id}`, slug, draftTitle, r) } },
      { createOrReplace: { ...draftOfPublished, _id: `drafts.${published._id}`, title: editedTitle } },
    ])
    try {
      const previewer = await browser.newContext()
      const visitor = await browser.newContext()
      const preview = await previewer.newPage()
      const visit = await visitor.newPage()

      expect((await visit.goto(`/blog/${slug}`))?.status()).toBe(404)

      const secret = process.env.SANITY_PREVIEW_SECRET ?? ''
      await preview.goto(`/api/draft-mode/enable?secret=${encodeURIComponent(secret)}&redirect=/blog/${slug}`)
      await expect(preview).toHaveURL(new RegExp(`/blog/${slug}$`, 'u'))
      await expect(preview.getByRole('heading', { level: 1 })).toHaveText(draftTitle)
      await expect(preview.getByRole('region', { name: 'Preview mode' })).toContainText('Exit preview')
      await preview.goto(`/blog/${published.slug}`)
      await expect(preview.getByRole('heading', { level: 1 })).toHaveText(editedTitle)

      // At the same moment, and afterwards, a visitor without the cookie sees published content only.
      expect((await visit.goto(`/blog/${slug}`))?.status()).toBe(404)
      await visit.goto(`/blog/${published.slug}`)
      await expect(visit.getByRole('heading', { level: 1 })).toHaveText(published.title)
      await expect(visit.getByRole('region', { name: 'Preview mode' })).toHaveCount(0)
      const plain = await fetchText(`${base}/blog/${published.slug}`)
      expect(plain.text).not.toContain(editedTitle)

      await preview.getByRole('link', { name: 'Exit preview' }).click()
      await preview.goto(`/blog/${published.slug}`)
      await expect(preview.getByRole('heading', { level: 1 })).toHaveText(published.title)
      await previewer.close()
      await visitor.close()
    } finally {
      await mutate([{ delete: { id: `drafts.${id}` } }, { delete: { id: `drafts.${published._id}` } }])
    }
  })

  test('the redirect after enabling stays on this site', async ({ request }) => {
    const secret = encodeURIComponent(process.env.SANITY_PREVIEW_SECRET ?? '')
    for (const target of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      const response = await request.get(`/api/draft-mode/enable?secret=${secret}&redirect=${encodeURIComponent(target)}`, {
        maxRedirects: 0,
      })
      expect(response.status()).toBeGreaterThanOrEqual(300)
      expect(response.status()).toBeLessThan(400)
      const location = new URL(response.headers().location ?? '', base)
      expect(location.origin).toBe(new URL(base).origin)
    }
  })
})

test('no secret reaches the browser: not in static assets, not in any page', async () => {
  const secrets = ['LOCAL_LAKE_TOKEN', 'SANITY_PREVIEW_SECRET', 'SANITY_REVALIDATE_SECRET']
    .map((name) => process.env[name])
    .filter((value): value is string => typeof value === 'string' && value.length > 0)
  expect(secrets).toHaveLength(3)
  const staticDir = path.resolve(__dirname, '../.next/static')
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry)
      if (statSync(full).isDirectory()) walk(full)
      else files.push(full)
    }
  }
  walk(staticDir)
  expect(files.length).toBeGreaterThan(0)
  for (const file of files) {
    const text = readFileSync(file, 'latin1')
    for (const secret of secrets) expect(text.includes(secret), file).toBe(false)
  }
  const slug = await lakeQuery<string>(`*[_type == "post" && defined(slug.current)][0].slug.current`)
  for (const page of ['/blog', `/blog/${slug}`, '/blog/no-such-post']) {
    const { text } = await fetchText(base + page)
    for (const secret of secrets) expect(text.includes(secret), page).toBe(false)
  }
})
