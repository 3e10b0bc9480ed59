import { expect, type BrowserContext, type Page } from '@playwright/test'

export const studioUrl = process.env.E2E_STUDIO_URL ?? ''
export const siteUrl = process.env.E2E_BASE_URL ?? ''
const lakeUrl = process.env.E2E_LAKE_URL ?? ''
const token = process.env.LOCAL_LAKE_TOKEN ?? ''

/** Reads the lake directly (with the token, so drafts too when asked), never through the Studio. */
export async function lakeQuery<T>(query: string, params: Record<string, unknown> = {}, perspective = 'published'): Promise<T> {
  const url = new URL(`${lakeUrl}/v2025-02-19/data/query/production`)
  url.searchParams.set('query', query)
  url.searchParams.set('perspective', perspective)
  for (const [key, value] of Object.entries(params)) url.searchParams.set(`$${key}`, JSON.stringify(value))
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
  if (!response.ok) throw new Error(`lake query failed: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { result: T }).result
}

/** Writes to the lake directly, for setting up a test (never to do what the test is about). */
export async function lakeMutate(mutations: unknown[]): Promise<void> {
  const response = await fetch(`${lakeUrl}/v2025-02-19/data/mutate/production`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ mutations }),
  })
  if (!response.ok) throw new Error(`lake mutation failed: ${response.status} ${await response.text()}`)
}

const LOOPBACK = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|[a-z0-9-]+\.localhost|\[::1\])(:\d+)?\//

/**
 * Everything the Studio page does on the network and in the console, for assertions: requests to
 * any host outside the loopback (none are allowed to happen), failed responses and page errors.
 * Two calls the Studio's bundle makes to sanity.io with no setting to switch them off (a version
 * check and a feedback probe) are refused by the page's Content-Security-Policy before a request
 * exists; the console errors that refusal logs are the only ones tolerated.
 */
export function watchStudio(page: Page) {
  const offMachine: string[] = []
  const errors: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (!LOOPBACK.test(url) && !url.startsWith('data:') && !url.startsWith('blob:')) offMachine.push(`${request.method()} ${url}`)
  })
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const text = message.text()
    const refusedByPolicy =
      /violates the following Content Security Policy directive|Refused to connect because it violates|Failed to fetch version for package/.test(
        text,
      ) && /sanity-cdn\.com|api\.sanity\.io|Failed to fetch version/.test(text)
    if (!refusedByPolicy) errors.push(`console: ${text.slice(0, 400)}`)
  })
  return { offMachine, errors }
}

/** Opens a Studio path and waits until the Studio has signed in and drawn its navigation. */
export async function openStudio(page: Page, path = '/structure'): Promise<void> {
  await page.goto(`${studioUrl}${path}`)
  await expect(
    page
      .getByRole('link', { name: 'Structure' })
      .or(page.getByText('Content', { exact: true }))
      .first(),
  ).toBeVisible({ timeout: 30_000 })
}

/** The document pane's form, once the document has loaded and can be edited. */
export async function openDocument(page: Page, type: string, id: string): Promise<void> {
  await page.goto(`${studioUrl}/intent/edit/id=${id};type=${type}`)
  await expect(page.locator('[data-testid="document-panel-scroller"]')).toBeVisible({ timeout: 30_000 })
}

/** Polls the site until `check` passes; returns the milliseconds it took. */
export async function siteShows(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`the site did not show the change within ${timeoutMs} ms`)
}

export async function fetchPage(path: string): Promise<{ status: number; html: string; location: string | null }> {
  const response = await fetch(`${siteUrl}${path}`, { redirect: 'manual' })
  return { status: response.status, html: await response.text(), location: response.headers.get('location') }
}

export async function newEditorContext(context: BrowserContext): Promise<Page> {
  return context.newPage()
}
