// @vitest-environment node
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const calls: Array<{ tag: string; profile: unknown }> = []
const deferred: Array<() => Promise<void>> = []

vi.mock('next/cache', () => ({
  revalidateTag: (tag: string, profile: unknown) => calls.push({ tag, profile }),
}))
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  after: (task: () => Promise<void>) => deferred.push(task),
}))

const SECRET = 'route-test-secret'

async function deliver(change: Record<string, unknown>) {
  const body = JSON.stringify(change)
  const { POST } = await import('./route')
  return POST(
    new Request('http://site.test/api/revalidate', {
      method: 'POST',
      headers: { [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(body, Date.now(), SECRET), 'content-type': 'application/json' },
      body,
    }),
  )
}

beforeEach(() => {
  calls.length = 0
  deferred.length = 0
  process.env.SANITY_REVALIDATE_SECRET = SECRET
  vi.spyOn(console, 'log').mockImplementation(() => undefined)
})
afterEach(() => {
  delete process.env.SANITY_REVALIDATE_SECRET
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('POST /api/revalidate', () => {
  it("marks the change's tags stale (the cached page is served until the new one is rendered), never expires them", async () => {
    const response = await deliver({ _id: 'post-a', _type: 'post', slug: 'a', previousSlug: 'a', categories: ['recovery'], author: 'maya' })
    expect(response.status).toBe(200)
    expect(calls.map((call) => call.tag).sort()).toEqual(['author:maya', 'category:recovery', 'post-list', 'post-pages', 'post:a'])
    expect(calls.every((call) => call.profile === 'max')).toBe(true)
  })

  it("expires a renamed post's old URL, so its redirect is rendered (and cached) in the foreground", async () => {
    await deliver({ _id: 'post-a', _type: 'post', slug: 'new-a', previousSlug: 'old-a' })
    expect(calls.find((call) => call.tag === 'post:old-a')?.profile).toEqual({ expire: 0 })
    expect(calls.find((call) => call.tag === 'post:new-a')?.profile).toBe('max')
  })

  it('marks the same tags stale again once renders that straddled the change have finished', async () => {
    vi.useFakeTimers()
    await deliver({ _id: 'cta-x', _type: 'cta' })
    expect(calls).toEqual([{ tag: 'type:cta', profile: 'max' }])
    expect(deferred).toHaveLength(1)
    const settled = deferred[0]?.()
    await vi.advanceTimersByTimeAsync(1000)
    await settled
    expect(calls).toEqual([
      { tag: 'type:cta', profile: 'max' },
      { tag: 'type:cta', profile: 'max' },
    ])
  })

  it('refuses an unsigned request without touching the cache', async () => {
    const { POST } = await import('./route')
    const response = await POST(new Request('http://site.test/api/revalidate', { method: 'POST', body: '{}' }))
    expect(response.status).toBe(401)
    expect(calls).toEqual([])
    expect(deferred).toEqual([])
  })
})
