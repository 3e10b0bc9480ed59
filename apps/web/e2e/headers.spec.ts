import { createServer, type Server } from 'node:http'

import { expect, test, type APIResponse, type BrowserContext, type Page } from '@playwright/test'

import { lakeQuery } from './support'

/*
 * Security headers as served: every public response type carries them, Chromium reports no
 * Content-Security-Policy violation on any page of the demo content (the policy lists the hashes
 * of each page's inline scripts), draft mode is private and framed by the Studio only, and public
 * pages cannot be framed at all.
 */

const base = process.env.E2E_BASE_URL ?? ''
const studioUrl = process.env.SANITY_STUDIO_URL ?? ''
// A stand-in for a Studio's Presentation tool (a page that frames site pages), on a second Studio
// origin the site allows (SANITY_STUDIO_ORIGINS): the real Studio runs at SANITY_STUDIO_URL.
const framerUrl = process.env.E2E_FRAMER_URL ?? ''
const previewSecret = process.env.SANITY_PREVIEW_SECRET ?? ''

/** "a b; c d" → { a: ['b'], c: ['d'] } */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/u))
      .filter(([name]) => name)
      .map(([name = '', ...sources]) => [name, sources]),
  )
}

type HeaderList = Array<{ name: string; value: string }>

/** The one value of a header (two policies would both be enforced, so there must be one). */
function single(response: APIResponse | HeaderList, name: string): string {
  const all = Array.isArray(response) ? response : response.headersArray()
  const values = all.filter((header) => header.name.toLowerCase() === name).map((header) => header.value)
  expect(values, `exactly one ${name}`).toHaveLength(1)
  return values[0] ?? ''
}

function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers()
  expect(headers['x-content-type-options'], response.url()).toBe('nosniff')
  expect(headers['referrer-policy'], response.url()).toBe('strict-origin-when-cross-origin')
  for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'clipboard-write=(self)']) {
    expect(headers['permissions-policy'], response.url()).toContain(feature)
  }
  // SITE_URL is plain http on loopback: no HSTS (it is sent when SITE_URL is https).
  expect(headers['strict-transport-security'], response.url()).toBeUndefined()
}

/** A public HTML page: hashes only, nothing inline without one, never framed. */
function expectDocumentPolicy(response: APIResponse) {
  const policy = directives(single(response, 'content-security-policy'))
  const scripts = policy['script-src'] ?? []
  expect(scripts[0], response.url()).toBe("'self'")
  expect(scripts.slice(1).length, `${response.url()} lists its inline scripts`).toBeGreaterThan(0)
  for (const source of scripts.slice(1)) expect(source, response.url()).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/u)
  expect(Object.values(policy).flat()).not.toContain("'unsafe-eval'")
  expect(policy['style-src'], response.url()).not.toContain("'unsafe-inline'")
  expect(policy['object-src']).toEqual(["'none'"])
  expect(policy['base-uri']).toEqual(["'self'"])
  expect(policy['form-action']).toEqual(["'self'"])
  expect(policy['frame-ancestors']).toEqual(["'none'"])
  expect(policy['img-src']).toContain(new URL(process.env.E2E_LAKE_URL ?? base).origin)
  expect(single(response, 'x-frame-options')).toBe('DENY')
}

function expectResourcePolicy(response: APIResponse) {
  expect(directives(single(response, 'content-security-policy'))).toEqual({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] })
  expect(single(response, 'x-frame-options')).toBe('DENY')
}

/** Records every CSP violation the page reports, from the first script on. */
async function watchForViolations(context: BrowserContext): Promise<(page: Page) => Promise<string[]>> {
  await context.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__cspViolations', { value: seen })
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} ${event.sample}`)
    })
  })
  return async (page) => page.evaluate(() => [...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])])
}

function consoleViolations(page: Page): string[] {
  const seen: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/u.test(message.text())) seen.push(message.text())
  })
  return seen
}

async function flagshipSlug(): Promise<string> {
  const slug = await lakeQuery<string | null>(
    `*[_type == "post" && defined(slug.current) && defined(publishedAt) && defined(cta->offer.code)] | order(publishedAt desc)[0].slug.current`,
  )
  if (!slug) throw new Error('the demo content has no post with a promo code')
  return slug
}

async function sitemapPaths(request: { get(url: string): Promise<APIResponse> }): Promise<string[]> {
  const index = await (await request.get('/sitemap.xml')).text()
  const paths: string[] = []
  for (const [, sitemap = ''] of index.matchAll(/<loc>([^<]+)<\/loc>/gu)) {
    const xml = await (await request.get(new URL(sitemap).pathname)).text()
    for (const [, loc = ''] of xml.matchAll(/<loc>([^<]+)<\/loc>/gu)) paths.push(new URL(loc).pathname)
  }
  return paths
}

test.describe('security headers', () => {
  test('every public response type carries them', async ({ request }) => {
    const slug = await flagshipSlug()
    const { category, author } = await lakeQuery<{ category: string; author: string }>(`{
      "category": *[_type == "category" && defined(slug.current)][0].slug.current,
      "author": *[_type == "author" && defined(slug.current)][0].slug.current
    }`)
    const article = await request.get(`/blog/${slug}`)
    const html = await article.text()

    const pages: Array<[string, number]> = [
      [`/blog/${slug}`, 200],
      ['/blog', 200],
      [`/blog/category/${category}`, 200],
      [`/blog/author/${author}`, 200],
      ['/blog/this-post-does-not-exist', 404],
      ['/no/such/page', 404],
    ]
    for (const [path, status] of pages) {
      const response = await request.get(path, { maxRedirects: 0 })
      expect(response.status(), path).toBe(status)
      expectCommonHeaders(response)
      expectDocumentPolicy(response)
    }

    const ogImage = html.match(/<meta property="og:image" content="([^"]+)"/u)?.[1]
    expect(ogImage, 'the article names its Open Graph image').toBeTruthy()
    const resources = ['/blog/feed.xml', '/sitemap.xml', '/robots.txt', new URL(ogImage ?? '', base).pathname]
    for (const path of resources) {
      const response = await request.get(path)
      expect(response.status(), path).toBe(200)
      expectCommonHeaders(response)
      expectResourcePolicy(response)
    }
  })

  test("a cached page's policy comes with it on HEAD and on a revalidated 304 too", async ({ request }) => {
    const slug = await flagshipSlug()
    const get = await request.get(`/blog/${slug}`)
    const policy = single(get, 'content-security-policy')
    expect(get.headers()['cache-control']).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/u)
    const head = await request.head(`/blog/${slug}`)
    expect(single(head, 'content-security-policy')).toBe(policy)
    const etag = get.headers().etag ?? ''
    const notModified = await request.get(`/blog/${slug}`, { headers: { 'if-none-match': etag } })
    expect(notModified.status()).toBe(304)
    expect(single(notModified, 'content-security-policy')).toBe(policy)
  })

  test('Chromium reports no policy violation on any page of the demo content', async ({ browser, request }) => {
    test.setTimeout(240_000)
    const paths = [...(await sitemapPaths(request)), '/blog/this-post-does-not-exist', '/no/such/page']
    expect(paths.length).toBeGreaterThan(10)
    const context = await browser.newContext()
    const violations = await watchForViolations(context)
    const page = await context.newPage()
    const logged = consoleViolations(page)
    for (const path of paths) {
      await test.step(path, async () => {
        await page.goto(path, { waitUntil: 'load' })
        // Hydration ran: the inline RSC payload was allowed (otherwise React never starts).
        await expect.poll(() => page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown }).__next_f))).toBe(true)
        expect(await violations(page), path).toEqual([])
      })
    }
    expect(logged).toEqual([])
    await context.close()
  })

  test('the copy button still works under the policy', async ({ browser, baseURL }) => {
    const context = await browser.newContext()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
    const violations = await watchForViolations(context)
    const page = await context.newPage()
    const response = await page.goto(`/blog/${await flagshipSlug()}`)
    expect(await response?.headerValue('content-security-policy')).toContain("script-src 'self' 'sha256-")
    const code = (await page.locator('.booking-cta--closing code').textContent()) ?? ''
    await page.evaluate(() => navigator.clipboard.writeText(''))
    await page
      .locator('.booking-cta--closing')
      .getByRole('button', { name: `Copy code ${code}` })
      .click()
    // Copying is asynchronous: the announcement says when it is done.
    await expect(page.locator('.booking-cta--closing [role="status"]')).toHaveText(`Copied ${code}`)
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code)
    expect(await violations(page)).toEqual([])
    await context.close()
  })

  test('a page rendered on request, not at build, gets a policy for its own scripts', async ({ browser }) => {
    // A URL nobody asked for yet: rendered now, stored in the cache and answered from that entry.
    const path = `/blog/not-here-${Date.now().toString(36)}`
    const context = await browser.newContext()
    const violations = await watchForViolations(context)
    const page = await context.newPage()
    const first = await page.goto(path)
    expect(first?.status()).toBe(404)
    expect(await first?.headerValue('x-nextjs-cache')).not.toBe('HIT')
    expect(await first?.headerValue('content-security-policy')).toMatch(/script-src 'self' 'sha256-/u)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    expect(await violations(page)).toEqual([])
    const again = await page.goto(path)
    expect(await again?.headerValue('content-security-policy')).toBe(await first?.headerValue('content-security-policy'))
    expect(await violations(page)).toEqual([])
    await context.close()
  })
})

test.describe('draft mode', () => {
  test('the switches are private and never cached', async ({ request }) => {
    for (const path of ['/api/draft-mode/enable?secret=wrong', '/api/draft-mode/disable']) {
      const response = await request.get(path, { maxRedirects: 0 })
      expect(response.headers()['cache-control'], path).toBe('private, no-store')
      expectCommonHeaders(response)
    }
  })

  test('draft pages are private, use a per-request nonce and may be framed by the Studio only', async ({ browser }) => {
    if (!studioUrl) throw new Error('SANITY_STUDIO_URL is not set: run the end-to-end tests with npm run test:e2e')
    const slug = await flagshipSlug()
    const context = await browser.newContext()
    const violations = await watchForViolations(context)
    const page = await context.newPage()
    const first = await page.goto(`/api/draft-mode/enable?secret=${previewSecret}&redirect=/blog/${slug}`)
    expect(first?.status()).toBe(200)
    await expect(page.locator('.preview-banner')).toBeVisible()
    await expect(page.locator('.booking-cta--closing button.copy-code')).toBeVisible()
    expect(await violations(page)).toEqual([])

    const again = await page.goto(`/blog/${slug}`)
    const headers = (await again?.headersArray()) ?? []
    const cacheControl = (await again?.headerValue('cache-control')) ?? ''
    expect(cacheControl).toContain('private')
    expect(cacheControl).toContain('no-store')
    expect(await again?.headerValue('x-frame-options')).toBeNull()
    const policy = directives(single(headers, 'content-security-policy'))
    expect(policy['frame-ancestors']).toEqual([new URL(studioUrl).origin, new URL(framerUrl).origin])
    expect(policy['script-src']).toEqual(expect.arrayContaining(["'strict-dynamic'"]))
    expect(Object.values(policy).flat()).not.toContain("'unsafe-eval'")
    const nonce = policy['script-src']?.find((source) => source.startsWith("'nonce-")) ?? ''
    expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/]{16,}=*'$/u)
    const next = await page.goto(`/blog/${slug}`)
    const nextPolicy = directives((await next?.headerValue('content-security-policy')) ?? '')
    expect(nextPolicy['script-src'], 'a fresh nonce per request').not.toContain(nonce)
    await expect(page.locator('.preview-banner')).toBeVisible()
    expect(await violations(page)).toEqual([])
    await context.close()
  })

  test.describe('framing', () => {
    let studio: Server | null = null
    let stranger: Server | null = null
    let strangerUrl = ''

    // The stand-in Studio at E2E_FRAMER_URL, and a stranger site.
    const framer =
      (path: string) => (request: { url?: string }, response: { setHeader(k: string, v: string): void; end(b: string): void }) => {
        const target = new URL(request.url ?? '/', 'http://x').searchParams.get('path') ?? path
        response.setHeader('content-type', 'text/html')
        response.end(`<!doctype html><title>frame</title><iframe src="${base}${target}" width="900" height="700"></iframe>`)
      }

    test.beforeAll(async () => {
      if (!framerUrl) return
      const { hostname, port } = new URL(framerUrl)
      studio = createServer(framer('/blog'))
      await new Promise<void>((resolve) => studio?.listen(Number(port), hostname, resolve))
      stranger = createServer(framer('/blog'))
      await new Promise<void>((resolve) => stranger?.listen(0, '127.0.0.1', resolve))
      const address = stranger.address()
      strangerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    })

    test.afterAll(async () => {
      await Promise.all([studio, stranger].map((server) => new Promise((resolve) => (server ? server.close(resolve) : resolve(null)))))
    })

    async function framedPage(context: BrowserContext, framerUrl: string, path: string) {
      const page = await context.newPage()
      const refused: string[] = []
      page.on('console', (message) => {
        if (message.text().includes('frame-ancestors')) refused.push(message.text())
      })
      await page.goto(`${framerUrl}/?path=${encodeURIComponent(path)}`)
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame())
      if (!frame) throw new Error('the frame did not load')
      await frame.waitForLoadState()
      return { frame, refused }
    }

    test('public pages cannot be framed, not even by the Studio', async ({ browser }) => {
      if (!framerUrl) throw new Error('E2E_FRAMER_URL is not set: run the end-to-end tests with npm run test:e2e')
      const context = await browser.newContext()
      const slug = await flagshipSlug()
      for (const path of [`/blog/${slug}`, '/blog']) {
        const { frame, refused } = await framedPage(context, framerUrl, path)
        await expect.poll(() => refused.length, path).toBeGreaterThan(0)
        expect(frame.url()).not.toContain(path)
      }
      await context.close()
    })

    test('the Studio frames a draft-mode page, another site cannot', async ({ browser }) => {
      if (!framerUrl) throw new Error('E2E_FRAMER_URL is not set: run the end-to-end tests with npm run test:e2e')
      const slug = await flagshipSlug()
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(`/api/draft-mode/enable?secret=${previewSecret}&redirect=/blog`)

      // The test servers share the site's host (127.0.0.1), so the draft-mode cookie goes along as
      // it does from the Studio; only the origin differs.
      const inStudio = await framedPage(context, framerUrl, `/blog/${slug}`)
      await expect(inStudio.frame.locator('.preview-banner')).toBeVisible()
      expect(inStudio.refused).toEqual([])

      const elsewhere = await framedPage(context, strangerUrl, `/blog/${slug}`)
      await expect.poll(() => elsewhere.refused.length).toBeGreaterThan(0)
      expect(elsewhere.frame.url()).not.toContain(slug)
      await context.close()
    })
  })
})
