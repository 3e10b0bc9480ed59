import { expect, test } from '@playwright/test'

import { fetchText, lakeQuery, mutate } from './support'

/*
 * Time takes effect on time: an offer's end and start, and a scheduled post going live, reach
 * every cached page at that moment, with nobody publishing anything then.
 */

const base = process.env.E2E_BASE_URL ?? ''
const CTA = 'cta-blog-first-session'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** The CTA's code as the booking CTA renders it (article prose may mention the code in words). */
const showsCode = (html: string, code: string) => new RegExp(`class="booking-cta__code"[^>]*>${code}<`).test(html)

interface Offer {
  code: string
  startsAt?: string | null
  endsAt?: string | null
}

/** Article pages whose closing booking CTA is `CTA` (their own, or the site's default). */
async function pagesShowingCta(): Promise<string[]> {
  const slugs = await lakeQuery<string[]>(
    `*[_type == "post" && defined(slug.current) && (cta._ref == $cta || (!defined(cta) && *[_id == "siteSettings"][0].defaultCta._ref == $cta))] | order(publishedAt desc)[0...3].slug.current`,
    { cta: CTA },
  )
  expect(slugs.length).toBeGreaterThan(0)
  return slugs.map((slug) => `/blog/${slug}`)
}

async function setOffer(offer: Partial<Offer>): Promise<void> {
  await mutate([{ patch: { id: CTA, set: { offer: { ...(await lakeQuery<Offer>('*[_id == $id][0].offer', { id: CTA })), ...offer } } } }])
}

/**
 * Requests each page until it is served from the cache with `expected`, and with `moment` among
 * the moments it was cached with: the re-render the change's webhook caused is done.
 */
async function cachedWith(paths: string[], expected: (html: string) => boolean, moment: string): Promise<void> {
  for (const path of paths) {
    await expect
      .poll(
        async () => {
          const response = await fetch(`${base}${path}`)
          const html = await response.text()
          return (
            expected(html) &&
            response.headers.get('x-nextjs-cache') === 'HIT' &&
            (response.headers.get('x-content-moments') ?? '').includes(moment)
          )
        },
        { timeout: 15_000, intervals: [100] },
      )
      .toBe(true)
  }
}

test.describe.configure({ mode: 'serial' })

test.describe('moments in the content', () => {
  let original: Offer

  test.beforeAll(async () => {
    original = await lakeQuery<Offer>('*[_id == $id][0].offer', { id: CTA })
  })

  test.afterAll(async () => {
    await mutate([{ patch: { id: CTA, set: { offer: original } } }])
  })

  test('an offer that ends is gone from every cached page from its end on', async () => {
    test.setTimeout(60_000)
    const paths = await pagesShowingCta()
    const end = Date.now() + 10_000
    await setOffer({ startsAt: null, endsAt: new Date(end).toISOString() })
    await cachedWith(paths, (html) => showsCode(html, original.code), `expires=${new Date(end + 1).toISOString()}`)

    await sleep(end + 2000 - Date.now())
    const polledUntil = Date.now() + 10_000
    let requests = 0
    while (Date.now() < polledUntil) {
      for (const path of paths) {
        const { text: html } = await fetchText(`${base}${path}`)
        requests++
        expect(showsCode(html, original.code), `${path} at ${Date.now() - end} ms after the end`).toBe(false)
      }
      await sleep(200)
    }
    expect(requests).toBeGreaterThan(paths.length * 10)
  })

  test('an offer that starts is on every cached page within 2 seconds of its start', async () => {
    test.setTimeout(60_000)
    const paths = await pagesShowingCta()
    const start = Date.now() + 10_000
    await setOffer({ startsAt: new Date(start).toISOString(), endsAt: null })
    await cachedWith(paths, (html) => !showsCode(html, original.code), `stale=${new Date(start).toISOString()}`)

    await sleep(start - Date.now())
    for (const path of paths) {
      await expect
        .poll(async () => showsCode((await fetchText(`${base}${path}`)).text, original.code), {
          timeout: Math.max(100, 2000 - (Date.now() - start)),
          intervals: [100],
        })
        .toBe(true)
    }
    expect(Date.now() - start).toBeLessThan(2000)
  })

  test('a scheduled post is a 404 and unlisted until its time, then everywhere within 2 seconds', async ({ page }) => {
    test.setTimeout(60_000)
    const template = await lakeQuery<Record<string, unknown> & { categories: { _ref: string }[] }>(
      '*[_type == "post" && defined(slug.current)] | order(publishedAt desc)[0]',
    )
    const category = await lakeQuery<string>('*[_id == $id][0].slug.current', { id: template.categories[0]?._ref })
    const slug = `scheduled-${Date.now().toString(36)}`
    let listedAnywhere = async () => false
    const live = Date.now() + 10_000
    const content = Object.fromEntries(
      Object.entries(template).filter(([key]) => !['_rev', '_createdAt', '_updatedAt', 'previousSlugs'].includes(key)),
    )
    const title = `A post scheduled by the tests ${slug}`
    await mutate([
      {
        create: {
          ...content,
          _id: `post-${slug}`,
          title,
          slug: { _type: 'slug', current: slug },
          publishedAt: new Date(live).toISOString(),
        },
      },
    ])
    try {
      const pages = ['/blog', `/blog/category/${category}`, '/blog/feed.xml', '/sitemap/0.xml']
      const listed = async () => Promise.all(pages.map(async (path) => (await fetchText(`${base}${path}`)).text.includes(slug)))
      listedAnywhere = async () => (await listed()).some(Boolean)
      // Before: nowhere, however often asked (the pages' re-renders after the create are done).
      await cachedWith(['/blog'], (html) => !html.includes(slug), `stale=${new Date(live).toISOString()}`)
      for (let round = 0; round < 3; round++) {
        expect((await fetch(`${base}/blog/${slug}`)).status).toBe(404)
        expect(await listed()).toEqual(pages.map(() => false))
        await sleep(300)
      }
      // Editors previewing drafts see it, marked as scheduled.
      await page.goto(`/api/draft-mode/enable?secret=${process.env.SANITY_PREVIEW_SECRET ?? ''}&redirect=/blog/${slug}`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
      await expect(page.locator('.preview-banner--scheduled')).toContainText('Scheduled for')
      expect(Date.now()).toBeLessThan(live)

      await sleep(live - Date.now())
      await expect.poll(async () => (await fetch(`${base}/blog/${slug}`)).status, { timeout: 2000, intervals: [100] }).toBe(200)
      await expect.poll(listed, { timeout: Math.max(100, 2000 - (Date.now() - live)), intervals: [100] }).toEqual(pages.map(() => true))
      expect(Date.now() - live).toBeLessThan(2000)
    } finally {
      await mutate([{ delete: { id: `post-${slug}` } }])
      // Leave the site as the next tests expect it: the post gone from every list again.
      await expect.poll(listedAnywhere, { timeout: 15_000, intervals: [200] }).toBe(false)
    }
  })
})
