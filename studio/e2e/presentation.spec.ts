/*
 * Previewing drafts in the Studio's Presentation tool, on the local lake: the site in draft mode
 * beside the document, click-to-edit overlays, the preview following the editor's typing, and the
 * Studio following the preview's links. Public pages carry none of it.
 */
import { expect, test, type Frame, type Page } from '@playwright/test'

import { fetchPage, lakeMutate, lakeQuery, siteUrl, studioUrl, watchStudio } from './support'

async function previewFrame(page: Page): Promise<Frame> {
  const origin = new URL(siteUrl).origin
  await expect.poll(() => page.frames().some((frame) => frame.url().startsWith(origin)), { timeout: 30_000 }).toBe(true)
  const frame = page.frames().find((candidate) => candidate.url().startsWith(origin))
  if (!frame) throw new Error('the preview frame did not load')
  return frame
}

let cleanup: () => Promise<void> = async () => undefined

test.afterEach(async () => {
  await cleanup()
  cleanup = async () => undefined
})

test.describe('the Presentation tool on the local lake', () => {
  test('previews the draft with the banner, edits by clicking, follows typing and links', async ({ page, browser }) => {
    const watch = watchStudio(page)
    const post = await lakeQuery<{ _id: string; title: string; slug: string }>(
      `*[_type == "post" && !(_id in path("drafts.**")) && defined(slug.current) && !defined(*[_id == "drafts." + ^._id][0])]
        | order(publishedAt desc)[2]{_id, title, "slug": slug.current}`,
      {},
      'raw',
    )
    await page.goto(`${studioUrl}/presentation?preview=${encodeURIComponent(`/blog/${post.slug}`)}`)
    cleanup = () => lakeMutate([{ delete: { id: `drafts.${post._id}` } }])
    const frame = await previewFrame(page)
    await expect(frame.locator('.preview-banner')).toBeVisible({ timeout: 30_000 })
    await expect(frame.locator('h1.article__title')).toHaveText(post.title)
    // The overlays are there in draft mode (the element the public-page test looks for in scripts).
    await expect(frame.locator('sanity-visual-editing')).toHaveCount(1)

    // Click-to-edit: the title's overlay focuses the title field in the Studio.
    await frame.locator('h1.article__title').hover()
    await frame.locator('h1.article__title').click()
    const title = page.getByRole('textbox', { name: 'Title' })
    await expect(title).toBeFocused({ timeout: 10_000 })

    // Typing reaches the preview within 2 seconds; a reader without draft mode sees the published title.
    const draftTitle = `${post.title} (previewed)`
    await title.fill(draftTitle)
    const typed = Date.now()
    await expect(frame.locator('h1.article__title')).toHaveText(draftTitle, { timeout: 2000 })
    const shownAfter = Date.now() - typed
    expect(shownAfter, 'typing to preview').toBeLessThan(2000)
    const reader = await browser.newContext()
    try {
      const readerPage = await reader.newPage()
      await readerPage.goto(`${siteUrl}/blog/${post.slug}`)
      await expect(readerPage.locator('h1.article__title')).toHaveText(post.title)
      await expect(readerPage.locator('.preview-banner')).toHaveCount(0)
    } finally {
      await reader.close()
    }

    // A link inside the preview (one no overlay covers: clicking an editable part edits it) moves
    // the Studio to the document the new page shows.
    const next = frame.locator('.post-nav a').first()
    const nextTitle = (await next.locator('.post-nav__title').textContent()) ?? ''
    const nextPath = (await next.getAttribute('href')) ?? ''
    await next.click()
    // The frame's URL, not a script in it: the Studio may reload the frame while it follows.
    await expect.poll(async () => new URL((await previewFrame(page)).url()).pathname, { timeout: 15_000 }).toBe(nextPath)
    await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(nextTitle, { timeout: 15_000 })

    expect(watch.offMachine).toEqual([])
  })

  test('public pages carry no editing attributes, stega characters or overlay code', async () => {
    const slug = await lakeQuery<string>('*[_type == "post" && defined(slug.current)] | order(publishedAt desc)[0].slug.current')
    const article = await fetchPage(`/blog/${slug}`)
    expect(article.status).toBe(200)
    expect(article.html).not.toContain('data-sanity')
    // Stega hides its metadata in invisible characters.
    // eslint-disable-next-line no-misleading-character-class -- each invisible character on its own
    expect(article.html).not.toMatch(/[\u200B\u200C\u200D\u2060\uFEFF]/u)
    const scripts = [...article.html.matchAll(/<script[^>]+src="([^"]+)"/gu)].map((match) => match[1] ?? '')
    expect(scripts.length).toBeGreaterThan(0)
    for (const src of scripts) {
      const code = await (await fetch(new URL(src, siteUrl))).text()
      expect(code, src).not.toContain('sanity-visual-editing')
    }
  })
})
