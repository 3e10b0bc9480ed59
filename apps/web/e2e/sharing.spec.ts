import { execFileSync } from 'node:child_process'

import { expect, test } from '@playwright/test'

import { fetchText, lakeQuery } from './support'

const base = process.env.E2E_BASE_URL ?? ''
const LISTED = '_type == "post" && defined(slug.current) && defined(publishedAt)'

test('the sitemap lists every published post and no draft', async () => {
  const index = await fetchText(`${base}/sitemap.xml`)
  expect(index.status).toBe(200)
  const files = [...index.text.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((match) => new URL(match[1] ?? '').pathname)
  let urls = ''
  for (const file of files) urls += (await fetchText(base + file)).text
  const published = await lakeQuery<string[]>(`*[${LISTED} && seo.noIndex != true].slug.current`)
  expect(published.length).toBeGreaterThan(10)
  for (const slug of published) expect(urls).toContain(`/blog/${slug}</loc>`)
  const drafts = await lakeQuery<Array<{ slug: string; title: string }>>(
    `*[_id in path("drafts.**") && _type == "post"]{"slug": slug.current, title}`,
    {},
    'raw',
  )
  expect(drafts.length).toBeGreaterThan(0)
  for (const draft of drafts) {
    if (!published.includes(draft.slug)) expect(urls).not.toContain(`/blog/${draft.slug}<`)
  }
})

test('the feed is RSS 2.0 with full content for the newest posts', async ({ page }) => {
  const response = await page.request.get('/blog/feed.xml')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toContain('xml')
  const xml = await response.text()
  const result = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml')
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      version: doc.documentElement.getAttribute('version'),
      items: [...doc.getElementsByTagName('item')].map((item) => ({
        link: item.getElementsByTagName('link')[0]?.textContent ?? '',
        content: item.getElementsByTagNameNS('http://purl.org/rss/1.0/modules/content/', 'encoded')[0]?.textContent ?? '',
      })),
    }
  }, xml)
  expect(result.errors).toBe(0)
  expect(result.version).toBe('2.0')
  const newest = await lakeQuery<string>(`*[${LISTED}] | order(publishedAt desc)[0].slug.current`)
  expect(result.items[0]?.link).toMatch(new RegExp(`/blog/${newest}$`, 'u'))
  expect(result.items.every((item) => item.content.includes('<p>'))).toBe(true)
})

test("each post's JSON-LD parses as a BlogPosting and its Open Graph image is a 1200×630 PNG", async ({ page, request }) => {
  const slugs = await lakeQuery<string[]>(`*[${LISTED}] | order(publishedAt desc)[0...4].slug.current`)
  for (const slug of slugs) {
    await page.goto(`/blog/${slug}`)
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents()
    const graph = blocks.flatMap((text) => {
      const data = JSON.parse(text) as { '@graph'?: Array<Record<string, unknown>> } & Record<string, unknown>
      return data['@graph'] ?? [data]
    })
    const posting = graph.find((node) => node['@type'] === 'BlogPosting')
    expect(posting, slug).toBeDefined()
    expect(posting?.headline).toBe(await page.getByRole('heading', { level: 1 }).innerText())
    expect(graph.some((node) => node['@type'] === 'BreadcrumbList')).toBe(true)

    const ogImage = await page.locator('meta[property="og:image"]').first().getAttribute('content')
    expect(ogImage).toBeTruthy()
    const image = await request.get(new URL(ogImage ?? '').pathname + new URL(ogImage ?? '').search)
    // An editor's own OG image is served by the image CDN (the lake); only generated cards come from the site.
    if (new URL(ogImage ?? '').origin === new URL(base).origin) {
      expect(image.status()).toBe(200)
      expect(image.headers()['content-type']).toBe('image/png')
      const png = await image.body()
      expect(png.readUInt32BE(16)).toBe(1200)
      expect(png.readUInt32BE(20)).toBe(630)
    }
  }
})

test('robots.txt points to the sitemap on the canonical origin', async () => {
  const robots = await fetchText(`${base}/robots.txt`)
  expect(robots.status).toBe(200)
  expect(robots.text).toMatch(/Sitemap: https?:\/\/[^\s]+\/sitemap/u)
  expect(robots.text).toContain('Disallow: /api/')
})

// Python's urllib.robotparser applies the first rule that matches, as the original robots.txt
// convention does: an `Allow: /` before the Disallow lines would let such crawlers in everywhere.
test('robots.txt keeps first-match crawlers out of the API and the baseline, and lets them read articles', async () => {
  const robots = await fetchText(`${base}/robots.txt`)
  const slug = await lakeQuery<string>(`*[${LISTED}] | order(publishedAt desc)[0].slug.current`)
  const paths = ['/api/revalidate', '/api/draft-mode/enable', '/baseline/x', `/blog/${slug}`, '/blog', '/blog/feed.xml']
  const script = [
    'import json, sys, urllib.robotparser',
    'parser = urllib.robotparser.RobotFileParser()',
    'parser.parse(sys.stdin.read().splitlines())',
    `print(json.dumps({p: parser.can_fetch("AnyBot", "http://example.test" + p) for p in ${JSON.stringify(paths)}}))`,
  ].join('\n')
  const verdicts = JSON.parse(execFileSync('python3', ['-c', script], { input: robots.text, encoding: 'utf8' })) as Record<string, boolean>
  expect(verdicts).toEqual({
    '/api/revalidate': false,
    '/api/draft-mode/enable': false,
    '/baseline/x': false,
    [`/blog/${slug}`]: true,
    '/blog': true,
    '/blog/feed.xml': true,
  })
})
