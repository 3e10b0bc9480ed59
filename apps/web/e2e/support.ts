import type { Page } from '@playwright/test'

const lakeUrl = process.env.E2E_LAKE_URL ?? ''

/** Reads the content the site is serving straight from the lake, so tests never hard-code it. */
export async function lakeQuery<T>(
  query: string,
  params: Record<string, unknown> = {},
  perspective: 'published' | 'raw' = 'published',
): Promise<T> {
  const url = new URL(`${lakeUrl}/v2025-10-01/data/query/production`)
  url.searchParams.set('query', query)
  url.searchParams.set('perspective', perspective)
  for (const [key, value] of Object.entries(params)) url.searchParams.set(`$${key}`, JSON.stringify(value))
  const headers: Record<string, string> = perspective === 'raw' ? { authorization: `Bearer ${process.env.LOCAL_LAKE_TOKEN ?? ''}` } : {}
  const response = await fetch(url, { headers })
  if (!response.ok) throw new Error(`lake query failed: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { result: T }).result
}

/** Collects console errors and failed requests so a test can assert there were none. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`)
  })
  return errors
}

/** "22 Jul 2025" — the format the page must use, computed independently of the site's code. */
export function expectedDate(iso: string): string {
  const date = new Date(iso)
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][date.getUTCMonth()]
  return `${date.getUTCDate()} ${month} ${date.getUTCFullYear()}`
}

/** Commits a transaction on the lake the way Studio does: over the mutate endpoint, with the token. */
export async function mutate(mutations: unknown[]): Promise<void> {
  const response = await fetch(`${lakeUrl}/v2025-10-01/data/mutate/production?visibility=sync`, {
    method: 'POST',
    headers: { authorization: `Bearer ${process.env.LOCAL_LAKE_TOKEN ?? ''}`, 'content-type': 'application/json' },
    body: JSON.stringify({ mutations }),
  })
  if (!response.ok) throw new Error(`mutation failed: ${response.status} ${await response.text()}`)
}

/** Polls until `check` passes, returning how long it took; fails after `timeoutMs`. */
export async function timeUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`condition not met within ${timeoutMs} ms`)
}

export async function fetchText(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { redirect: 'manual' })
  return { status: response.status, text: await response.text() }
}
