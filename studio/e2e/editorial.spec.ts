/*
 * The editors' workflow in the real Studio (the build npm start serves), signed in to the local
 * lake with no account, and what each step does to the site. Setup and checks read the lake and
 * the site directly; everything a test is about is done through the Studio's own UI.
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { expect, test, type Page } from '@playwright/test'
import sharp from 'sharp'

import { fetchPage, lakeMutate, lakeQuery, openDocument, openStudio, siteShows, watchStudio } from './support'

/** Picks the option showing `text` in the open reference search. */
async function chooseOption(page: Page, text: string): Promise<void> {
  await page.locator('[data-ui="AutoComplete__resultsList"] [role=option]').filter({ hasText: text }).first().click()
}

/** A toolbar button of the body editor, from the overflow menu when the toolbar is too narrow. */
async function toolbarButton(page: Page, testId: string, overflowTestId: string): Promise<void> {
  const visible = page.locator(`[data-testid="${testId}"]:visible`)
  if ((await visible.count()) === 0) await page.locator(`[data-testid="${overflowTestId}"]:visible`).first().click()
  await page.locator(`[data-testid="${testId}"]:visible`).first().click()
}

async function insertBlock(page: Page, name: RegExp): Promise<void> {
  await page.locator('[data-testid="insert-menu-button"]:visible').click()
  await page.getByRole('menuitem', { name }).click()
}

/** A photo no dataset has seen (random pixels), written to a temporary file. */
async function heroFile(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'journal-e2e-'))
  const file = join(folder, 'stretching-hero.jpg')
  const noise = await sharp(randomBytes(64 * 40 * 3), { raw: { width: 64, height: 40, channels: 3 } })
    .resize(1200, 750)
    .jpeg()
    .toBuffer()
  await writeFile(file, noise)
  return file
}

/** Waits until the Studio says the document's edits are stored (the lake has echoed them all). */
async function saved(page: Page): Promise<void> {
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
}

async function publishAndWait(page: Page): Promise<number> {
  const button = page.locator('[data-testid="action-publish"]')
  await expect(button).toBeEnabled()
  await button.click()
  const clicked = Date.now()
  await expect(page.getByText(/was published/)).toBeVisible()
  return clicked
}

/** The `index`-th newest published post that has no draft (so the form shows what the site shows). */
function publishedPostWithoutDraft<T>(index: number, projection: string): Promise<T> {
  return lakeQuery<T>(
    `*[_type == "post" && !(_id in path("drafts.**")) && defined(slug.current) && !defined(*[_id == "drafts." + ^._id][0])] | order(publishedAt desc)[${index}]${projection}`,
    {},
    'raw',
  )
}

async function documentAction(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Open document actions' }).click()
  await page.getByRole('menuitem', { name }).click()
}

test.describe('the Studio on the local lake', () => {
  test('opens signed in on the desk with the demo posts, and nothing leaves the machine', async ({ page }) => {
    const watch = watchStudio(page)
    // What the desk lists: each post's draft where there is one (the Studio's default perspective).
    const titles = await lakeQuery<string[]>('*[_type == "post"] | order(publishedAt desc)[0...5].title', {}, 'drafts')
    await openStudio(page, '/structure/posts;allPosts')
    for (const title of titles) await expect(page.getByRole('option').filter({ hasText: title }).first()).toBeVisible()
    await expect(page.getByText(/sign in|log in/i)).toHaveCount(0)
    expect(watch.offMachine).toEqual([])
    expect(watch.errors).toEqual([])
  })

  test('an editor writes a post with every kind of content and publishes it; the site shows it within 2 seconds', async ({ page }) => {
    const watch = watchStudio(page)
    const title = `Stretching after a session ${randomBytes(3).toString('hex')}`
    const category = await lakeQuery<{ title: string; slug: string }>('*[_id == "category-recovery"][0]{title, "slug": slug.current}')
    const related = await lakeQuery<{ title: string }>('*[_type == "post" && defined(slug.current)] | order(publishedAt asc)[0]{title}')
    const treatment = await lakeQuery<{ name: string; bookingUrl: string }>('*[_id == "treatment-total-back"][0]{name, bookingUrl}')
    const cta = await lakeQuery<{ headline: string; code: string }>('*[_id == "cta-blog-first-session"][0]{headline, "code": offer.code}')

    await openStudio(page, '/intent/create/template=post;type=post/')
    await page.getByRole('textbox', { name: 'Title' }).fill(title)
    await page.getByRole('button', { name: 'Generate' }).click()
    const slug = title.toLowerCase().replaceAll(' ', '-')
    await expect(page.getByRole('textbox', { name: 'Slug' })).toHaveValue(slug)
    await page
      .getByRole('textbox', { name: 'Excerpt' })
      .fill('How to keep the looseness a robotic massage gives you: five stretches for the hours after.')
    await page
      .locator('[data-testid="file-button-input"]')
      .first()
      .setInputFiles(await heroFile())
    await page.getByRole('textbox', { name: 'Alternative text' }).fill('A therapist stretching a client’s hamstring')
    await page.getByRole('combobox', { name: 'Author' }).fill('Maya')
    await page.locator('#author-listbox [role=option]').first().click()
    await page.getByRole('button', { name: 'Add item' }).first().click()
    await page.keyboard.type(category.title)
    await chooseOption(page, category.title)

    // The body: a second-level heading, a paragraph with an inline link to a treatment, the BLOG
    // booking CTA and a related article.
    await page.locator('[data-slate-editor="true"]').first().click()
    await page.keyboard.type('Why stretch after a massage?')
    await page
      .getByRole('button', { name: /No style|Normal/ })
      .first()
      .click()
    await page.locator('[data-testid="text-style--h2"]').click()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.type(`Book the ${treatment.name}`)
    for (let step = 0; step < treatment.name.length; step++) await page.keyboard.press('Shift+ArrowLeft')
    await toolbarButton(page, 'action-button-internalLink', 'action-menu-button')
    await page.getByRole('combobox', { name: 'Links to' }).fill(treatment.name.split(',')[0] ?? treatment.name)
    await chooseOption(page, treatment.name)
    await page.keyboard.press('Escape')
    await page.locator('[data-slate-editor="true"]').first().getByText(treatment.name).click()
    await page.keyboard.press('End')
    await page.keyboard.type(' session, then stretch for ten minutes.')
    await page.keyboard.press('Enter')
    await insertBlock(page, /Booking CTA/)
    await page.getByRole('combobox', { name: 'CTA' }).fill(cta.code)
    await chooseOption(page, cta.code)
    await page.keyboard.press('Escape')
    await insertBlock(page, /Related article/)
    await page.getByRole('combobox', { name: 'Article' }).fill(related.title.split(' ').slice(0, 3).join(' '))
    await chooseOption(page, related.title)
    await page.keyboard.press('Escape')
    await saved(page)

    const clicked = await publishAndWait(page)
    const article = `/blog/${slug}`
    const shown = await siteShows(async () => {
      const [page1, index, categoryPage] = await Promise.all([
        fetchPage(article),
        fetchPage('/blog'),
        fetchPage(`/blog/category/${category.slug}`),
      ])
      return (
        page1.status === 200 &&
        page1.html.includes(cta.code) &&
        page1.html.includes(new URL(treatment.bookingUrl).pathname) &&
        page1.html.includes(related.title) &&
        index.html.includes(title) &&
        categoryPage.html.includes(title)
      )
    })
    const elapsed = Date.now() - clicked
    expect(elapsed, `published to visible on the article, the index and the category page (${shown} ms of polling)`).toBeLessThan(2000)
    const stored = await lakeQuery<{ heading: string; alt: string; asset: string }>(
      '*[_type == "post" && slug.current == $slug][0]{"heading": body[style == "h2"][0].children[0].text, "alt": mainImage.alt, "asset": mainImage.asset._ref}',
      { slug },
    )
    expect(stored).toMatchObject({ heading: 'Why stretch after a massage?', alt: 'A therapist stretching a client’s hamstring' })
    expect(stored.asset).toMatch(/^image-[0-9a-f]{40}-1200x750-jpg$/)
    expect(watch.offMachine).toEqual([])
    expect(watch.errors).toEqual([])
  })

  test("publishing is refused with the Studio's validation messages while a required field or alt text is missing", async ({ page }) => {
    const title = `Unfinished ${randomBytes(3).toString('hex')}`
    await openStudio(page, '/intent/create/template=post;type=post/')
    await page.getByRole('textbox', { name: 'Title' }).fill(title)
    await page
      .locator('[data-testid="file-button-input"]')
      .first()
      .setInputFiles(await heroFile())
    await expect(page.getByRole('textbox', { name: 'Alternative text' })).toBeVisible()
    await saved(page)
    await expect(page.locator('[data-testid="action-publish"]')).toBeDisabled()
    // The Studio's validation panel lists what holds Publish back, in the schema's own words.
    await page.getByRole('button', { name: 'Validation' }).click()
    await expect(page.getByText('Describe the image for people who cannot see it, or mark it as decorative').first()).toBeVisible()
    await expect(page.getByText('Required').first()).toBeVisible()

    // Describing the image takes its message away; the required fields still hold Publish back.
    await page.getByRole('textbox', { name: 'Alternative text' }).fill('Stones on a towel')
    await expect(page.getByText('Describe the image for people who cannot see it, or mark it as decorative')).toHaveCount(0)
    await expect(page.locator('[data-testid="action-publish"]')).toBeDisabled()
    const published = await lakeQuery<number>('count(*[_type == "post" && title == $title])', { title })
    expect(published).toBe(0)
  })

  test('an edit to a published post stays off the site until Publish, and Discard restores it', async ({ page }) => {
    const post = await publishedPostWithoutDraft<{ _id: string; title: string; slug: string }>(3, '{_id, title, "slug": slug.current}')
    await openDocument(page, 'post', post._id)
    await page.getByRole('textbox', { name: 'Title' }).fill(`${post.title} (draft edit)`)
    await saved(page)
    expect(await lakeQuery<string>('*[_id == $id][0].title', { id: `drafts.${post._id}` }, 'raw')).toBe(`${post.title} (draft edit)`)
    // Give a stray revalidation time to happen; the site must keep the published title.
    await page.waitForTimeout(1500)
    const article = await fetchPage(`/blog/${post.slug}`)
    expect(article.html).toContain(post.title)
    expect(article.html).not.toContain('(draft edit)')

    await documentAction(page, 'Discard changes')
    await page
      .getByRole('button', { name: /Discard/ })
      .last()
      .click()
    await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(post.title)
    await expect.poll(() => lakeQuery<number>('count(*[_id == $id])', { id: `drafts.${post._id}` }, 'raw')).toBe(0)
  })

  test('renaming a slug and publishing turns the old address into a permanent redirect', async ({ page }) => {
    const post = await publishedPostWithoutDraft<{ _id: string; slug: string }>(4, '{_id, "slug": slug.current}')
    const renamed = `${post.slug}-${randomBytes(2).toString('hex')}`
    await openDocument(page, 'post', post._id)
    await page.getByRole('textbox', { name: 'Slug' }).fill(renamed)
    await saved(page)
    await publishAndWait(page)
    await siteShows(async () => {
      const old = await fetchPage(`/blog/${post.slug}`)
      return old.status === 308 && old.location === `/blog/${renamed}`
    }, 5000)
    expect((await fetchPage(`/blog/${renamed}`)).status).toBe(200)
    expect(await lakeQuery<string[]>('*[_id == $id][0].previousSlugs', { id: post._id })).toContain(post.slug)
  })

  test("two editors on one document see each other's edits within a second", async ({ browser }) => {
    const post = await publishedPostWithoutDraft<{ _id: string; title: string }>(5, '{_id, title}')
    const [first, second] = [await browser.newContext(), await browser.newContext()]
    try {
      const [pageA, pageB] = [await first.newPage(), await second.newPage()]
      await openDocument(pageA, 'post', post._id)
      await openDocument(pageB, 'post', post._id)
      const titleA = pageA.getByRole('textbox', { name: 'Title' })
      const titleB = pageB.getByRole('textbox', { name: 'Title' })
      await expect(titleB).toHaveValue(post.title)

      await titleA.fill(`${post.title} (from A)`)
      const typedA = Date.now()
      await expect(titleB).toHaveValue(`${post.title} (from A)`)
      const seenByB = Date.now() - typedA

      await titleB.fill(`${post.title} (from B)`)
      const typedB = Date.now()
      await expect(titleA).toHaveValue(`${post.title} (from B)`)
      const seenByA = Date.now() - typedB

      expect(seenByB, "A's edit in B").toBeLessThan(1000)
      expect(seenByA, "B's edit in A").toBeLessThan(1000)
      await saved(pageA)
      await documentAction(pageA, 'Discard changes')
      await pageA
        .getByRole('button', { name: /Discard/ })
        .last()
        .click()
      await expect(titleB).toHaveValue(post.title)
    } finally {
      await first.close()
      await second.close()
    }
  })

  test('unpublishing takes the article off the site and out of the lists', async ({ page }) => {
    // A post nothing else references, so the lake lets it go (references must point somewhere).
    const post = await lakeQuery<{ _id: string; title: string; slug: string; category: string }>(
      '*[_type == "post" && defined(slug.current) && count(*[references(^._id)]) == 0] | order(publishedAt asc)[0]{_id, title, "slug": slug.current, "category": categories[0]->slug.current}',
    )
    await openDocument(page, 'post', post._id)
    // Unpublish is offered on the published version: the "Published" chip, then its primary action.
    await page.getByRole('button', { name: 'Published', exact: true }).click()
    await page.locator('[data-testid="action-unpublish"]').click()
    await page.getByRole('button', { name: /Unpublish now/ }).click()
    await siteShows(async () => {
      const [article, index, category] = await Promise.all([
        fetchPage(`/blog/${post.slug}`),
        fetchPage('/blog'),
        fetchPage(`/blog/category/${post.category}`),
      ])
      return article.status === 404 && !index.html.includes(post.title) && !category.html.includes(post.title)
    }, 5000)
    expect(await lakeQuery<number>('count(*[_id == $id])', { id: post._id })).toBe(0)
    expect(await lakeQuery<number>('count(*[_id == $id])', { id: `drafts.${post._id}` }, 'raw')).toBe(1)
  })

  test('every document type opens and saves', async ({ page }) => {
    const watch = watchStudio(page)
    const documents = [
      { type: 'post', field: 'Title', id: await publishedPostWithoutDraft<string>(6, '._id') },
      { type: 'author', field: 'Name', id: 'author-priya-raman' },
      { type: 'category', field: 'Title', id: 'category-desk-life' },
      { type: 'treatment', field: 'Name', id: 'treatment-neck-and-shoulder-reset' },
      { type: 'cta', field: 'Internal name', id: 'cta-spring-recovery' },
      { type: 'siteSettings', field: 'Site title', id: 'siteSettings' },
    ]
    for (const { type, field, id } of documents) {
      await openDocument(page, type, id)
      const input = page.getByRole('textbox', { name: field, exact: true })
      const before = await input.inputValue()
      await input.fill(`${before} (checked)`)
      await saved(page)
      expect(await lakeQuery<unknown>(`*[_id == $id][0]`, { id: `drafts.${id}` }, 'raw'), `${type} saved as a draft`).toBeTruthy()
      await lakeMutate([{ delete: { id: `drafts.${id}` } }])
    }
    expect(watch.offMachine).toEqual([])
    expect(watch.errors).toEqual([])
  })

  test('restarting the lake under an open Studio loses no accepted edit, and the Studio reconnects', async ({ page }) => {
    const control = process.env.E2E_LAKE_CONTROL_URL
    if (!control) throw new Error('E2E_LAKE_CONTROL_URL is not set: run the end-to-end tests with npm run test:e2e')
    const post = await publishedPostWithoutDraft<{ _id: string; title: string }>(7, '{_id, title}')
    const draftTitle = () => lakeQuery<string | null>('*[_id == $id][0].title', { id: `drafts.${post._id}` }, 'raw')
    await openDocument(page, 'post', post._id)
    const title = page.getByRole('textbox', { name: 'Title' })
    await title.fill(`${post.title} (before the restart)`)
    await expect.poll(draftTitle).toBe(`${post.title} (before the restart)`)

    for (const step of ['stop', 'start']) {
      const response = await fetch(`${control}/lake/${step}`, { method: 'POST' })
      expect(response.status, `lake ${step}`).toBe(204)
    }
    // The lake kept what it had acknowledged; the Studio finds it again and goes on saving.
    expect(await draftTitle()).toBe(`${post.title} (before the restart)`)
    await expect(title).toBeEditable({ timeout: 30_000 })
    await title.fill(`${post.title} (after the restart)`)
    await expect.poll(draftTitle, { timeout: 15_000 }).toBe(`${post.title} (after the restart)`)
    await saved(page)
    await lakeMutate([{ delete: { id: `drafts.${post._id}` } }])
  })
})
