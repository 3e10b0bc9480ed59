import { expect, test } from '@playwright/test'

import { expectedDate, lakeQuery, watchForErrors } from './support'

const LISTED = '_type == "post" && defined(slug.current) && defined(publishedAt)'

interface FlagshipInfo {
  slug: string
  title: string
  publishedAt: string
  treatmentSlug: string
}

async function flagship(): Promise<FlagshipInfo> {
  const info = await lakeQuery<FlagshipInfo | null>(
    `*[${LISTED} && count(body[_type == "pullQuote"]) > 0 && count(body[_type == "ctaBlock"]) > 0][0]{
      title, publishedAt, "slug": slug.current,
      "treatmentSlug": *[_type == "treatment" && _id in ^.body[].markDefs[].reference._ref][0].slug.current
    }`,
  )
  if (!info) throw new Error('the demo content has no post using every block type')
  return info
}

for (const width of [390, 1280]) {
  test.describe(`at ${width}px`, () => {
    test.use({ viewport: { width, height: 900 } })

    test('the blog index lists the newest posts', async ({ page }) => {
      const errors = watchForErrors(page)
      const newest = await lakeQuery<string[]>(`*[${LISTED}] | order(publishedAt desc)[0...12].title`)
      const response = await page.goto('/blog')
      expect(response?.status()).toBe(200)
      const titles = await page.locator('.post-card__title').allInnerTexts()
      expect(titles).toEqual(newest)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
      expect(errors).toEqual([])
    })

    test('an article shows its date, reading time, headings, links, related articles and CTA', async ({ page }) => {
      const errors = watchForErrors(page)
      const post = await flagship()
      const response = await page.goto(`/blog/${post.slug}`)
      expect(response?.status()).toBe(200)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(post.title)
      await expect(page.locator('.article__meta time')).toHaveText(expectedDate(post.publishedAt))
      const minutes = Number((await page.locator('.article__meta').innerText()).match(/(\d+) min read/u)?.[1])
      expect(minutes).toBeGreaterThan(0)
      expect(await page.locator('.prose h2').count()).toBeGreaterThanOrEqual(3)
      await expect(page.getByRole('navigation', { name: 'In this article' })).toBeVisible()

      const treatmentLink = page.locator('.prose a.internal-link--treatment').first()
      const treatmentHref = new URL((await treatmentLink.getAttribute('href')) ?? '')
      expect(treatmentHref.pathname).toContain(post.treatmentSlug)
      expect(treatmentHref.searchParams.get('utm_content')).toBe(post.slug)

      await expect(page.locator('.related .post-card')).toHaveCount(3)
      const closing = page.locator('.booking-cta--closing')
      await expect(closing.locator('code')).toHaveText('BLOG')
      const booking = new URL((await closing.getByRole('link').getAttribute('href')) ?? '')
      for (const key of ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content']) {
        expect(booking.searchParams.get(key), key).toBeTruthy()
      }
      expect(booking.searchParams.get('utm_content')).toBe(post.slug)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
      expect(errors).toEqual([])
    })

    // Each entry jumps to its heading and leaves it at the top, under the page's scroll padding
    // (an earlier attempt to skip rendering below-the-fold blocks broke this; see docs/performance.md).
    test('every table-of-contents entry brings its heading to the top', async ({ page }) => {
      const post = await flagship()
      await page.goto(`/blog/${post.slug}`)
      const toc = page.getByRole('navigation', { name: 'In this article' })
      const hrefs = await toc.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
      expect(hrefs.length).toBeGreaterThanOrEqual(3)
      const padding = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0)
      for (const href of hrefs) {
        // Straight back to the top (the page scrolls smoothly, which would make this a second animation).
        await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }))
        await toc.locator(`a[href="${href}"]`).click()
        await expect(page).toHaveURL(new RegExp(`${href}$`, 'u'))
        const heading = page.locator(href)
        const offset = async () => Math.abs((await heading.evaluate((element) => element.getBoundingClientRect().top)) - padding)
        // Polled often: the smooth scroll takes a few hundred ms, and the default intervals grow to 1 s.
        await expect.poll(offset, { message: `${href} at the top`, intervals: [50, 100, 200] }).toBeLessThanOrEqual(2)
      }
    })
  })
}

test('inline links to other articles work', async ({ page }) => {
  const post = await flagship()
  await page.goto(`/blog/${post.slug}`)
  const articleLink = page.locator('.prose a.internal-link--post').first()
  const href = (await articleLink.getAttribute('href')) ?? ''
  expect(href).toMatch(/^\/blog\/[a-z0-9-]+$/u)
  await articleLink.click()
  await expect(page).toHaveURL(new RegExp(`${href}$`, 'u'))
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

test('the copy button copies the promo code, by mouse and by keyboard', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  const post = await flagship()
  await page.goto(`/blog/${post.slug}`)
  // The clipboard outlives a test (another test copies the same code): start from an empty one.
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText())
  await page.evaluate(() => navigator.clipboard.writeText(''))
  const button = page.locator('.booking-cta--closing').getByRole('button', { name: 'Copy code BLOG' })
  const status = page.locator('.booking-cta--closing [role="status"]')
  await button.click()
  // Copying is asynchronous: wait for the announcement, then the clipboard holds the code.
  await expect(status).toHaveText('Copied BLOG')
  expect(await clipboard()).toBe('BLOG')
  await page.evaluate(() => navigator.clipboard.writeText(''))
  await expect(status).toHaveText('', { timeout: 10_000 })
  await button.focus()
  await page.keyboard.press('Enter')
  await expect(status).toHaveText('Copied BLOG')
  expect(await clipboard()).toBe('BLOG')
})

test('without JavaScript the code is plain selectable text', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
  const page = await context.newPage()
  const post = await flagship()
  await page.goto(`/blog/${post.slug}`)
  await expect(page.locator('.booking-cta--closing code')).toHaveText('BLOG')
  await expect(page.locator('.booking-cta--closing button')).toBeHidden()
  await context.close()
})

test('following the booking link goes to the booking URL with the UTM parameters', async ({ page }) => {
  const post = await flagship()
  await page.goto(`/blog/${post.slug}`)
  const link = page.locator('.booking-cta--closing a.booking-cta__button')
  const href = (await link.getAttribute('href')) ?? ''
  // The booking host does not exist offline: intercept the navigation and check where it went.
  let requested = ''
  await page.route(`${new URL(href).origin}/**`, async (route) => {
    requested = route.request().url()
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Booking</h1>' })
  })
  await link.click()
  await expect(page.getByRole('heading', { name: 'Booking' })).toBeVisible()
  const url = new URL(requested)
  expect(url.searchParams.get('utm_source')).toBeTruthy()
  expect(url.searchParams.get('utm_content')).toBe(post.slug)
})

test('a post whose CTA offer has expired shows the CTA without a code', async ({ page }) => {
  const slug = await lakeQuery<string | null>(
    `*[${LISTED} && defined(cta) && dateTime(cta->offer.endsAt) < dateTime(now())][0].slug.current`,
  )
  expect(slug).toBeTruthy()
  await page.goto(`/blog/${slug}`)
  const cta = page.locator('.booking-cta--closing')
  await expect(cta.getByRole('link')).toBeVisible()
  await expect(cta.locator('code')).toHaveCount(0)
  await expect(cta).not.toContainText('Use code')
})

test('an article paints without waiting for a stylesheet request, its hero decoded for the first paint', async ({ page }) => {
  const post = await flagship()
  const stylesheets: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'stylesheet') stylesheets.push(request.url())
  })
  await page.goto(`/blog/${post.slug}`)
  // next.config.ts inlineCss: the site's styles arrive in the HTML.
  expect(stylesheets).toEqual([])
  expect(await page.locator('head style').count()).toBeGreaterThan(0)
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(246, 243, 238)')
  await expect(page.locator('.article__hero img')).toHaveAttribute('decoding', 'sync')
})

test('an unknown slug gets the 404 page with status 404', async ({ page }) => {
  const response = await page.goto('/blog/this-post-does-not-exist')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/couldn’t find/u)
})

test('a URL no route matches gets the 404 page with status 404', async ({ page }) => {
  for (const path of ['/anything', '/blog/a/b/c']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/couldn’t find/u)
    await expect(page.getByRole('link', { name: 'Browse the journal' })).toBeVisible()
  }
})

test('a damaged link (invalid percent-encoding) gets a 400 page, a valid one the usual 404', async ({ page, request }) => {
  for (const path of ['/blog/%E0%A4%A', '/blog/category/%ZZ', '/%C3']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(400)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This address is not valid')
    await expect(page.getByRole('link', { name: 'Go to the journal' })).toHaveAttribute('href', '/blog')
    expect(response?.headers()['cache-control'], path).toContain('no-store')
    expect(response?.headers()['content-security-policy'], path).toContain("default-src 'none'")
    // Its inline style is allowed by hash: the site's paper colour shows, not the browser's white.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), path).toBe('rgb(246, 243, 238)')
  }
  // Percent-encoded but valid: routed as usual (no post has this slug).
  expect((await request.get('/blog/caf%C3%A9')).status()).toBe(404)
})

test('the performance baseline is bare, noindex and kept from crawlers', async ({ page, request }) => {
  const post = await flagship()
  const response = await page.goto(`/baseline/${post.slug}`)
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(post.title)
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/u)
  expect(await page.locator('link[rel="stylesheet"], style, img').count()).toBe(0)
  expect(await request.get('/robots.txt').then((r) => r.text())).toContain('Disallow: /baseline/')
})

test('the site stylesheet travels in an article page twice at most, and not at all in the baseline', async ({ request }) => {
  // Next carries the global error boundary's styles in every page's flight data: when
  // app/global-error.tsx imported globals.css, each page (the baseline too) carried it once more.
  const post = await flagship()
  const article = await request.get(`/blog/${post.slug}`).then((r) => r.text())
  const css = /<style[^>]*>([^<]+)<\/style>/u.exec(article)?.[1] ?? ''
  expect(css.length).toBeGreaterThan(1000)
  const marker = css.slice(0, 80)
  const count = (html: string) => html.split(marker).length - 1
  // The inline <style>, and the layout's copy in the flight data for client-side navigation.
  expect(count(article)).toBeGreaterThanOrEqual(1)
  expect(count(article)).toBeLessThanOrEqual(2)
  expect(count(await request.get(`/baseline/${post.slug}`).then((r) => r.text()))).toBe(0)
})

test('a page past the last index page is a 404', async ({ page }) => {
  const response = await page.goto('/blog/page/999')
  expect(response?.status()).toBe(404)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('404 pages of on-demand routes are rendered on the server, on the first visit and from the cache', async ({ page }) => {
    // Next 16 draws the not-found UI of a page that called notFound() while rendering on demand with
    // client JavaScript (vercel/next.js#62228); cache-handler.mjs serves the server-rendered one.
    const run = Date.now().toString(36)
    for (const path of [
      `/blog/no-post-${run}`,
      `/blog/page/${900 + (Date.now() % 99)}`,
      `/blog/category/none-${run}`,
      `/blog/author/nobody-${run}`,
    ]) {
      for (const visit of ['first visit', 'cached']) {
        const response = await page.goto(path)
        expect(response?.status(), `${path}, ${visit}`).toBe(404)
        await expect(page.getByRole('heading', { level: 1 }), `${path}, ${visit}`).toHaveText(/couldn’t find/u)
        await expect(page.getByRole('link', { name: 'Browse the journal' })).toHaveAttribute('href', '/blog')
        await expect(page).toHaveTitle(/not found/iu)
      }
    }
  })
})

test('an old slug redirects permanently to the current one', async ({ request }) => {
  const renamed = await lakeQuery<{ slug: string; old: string } | null>(
    `*[${LISTED} && count(previousSlugs) > 0][0]{"slug": slug.current, "old": previousSlugs[0]}`,
  )
  expect(renamed).toBeTruthy()
  const response = await request.get(`/blog/${renamed?.old}`, { maxRedirects: 0 })
  expect(response.status()).toBe(308)
  expect(response.headers().location).toMatch(new RegExp(`/blog/${renamed?.slug}$`, 'u'))
})
