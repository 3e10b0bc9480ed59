// @vitest-environment node
/*
 * sanityFetch against content sources that fail: one that never answers, one that answers 503,
 * one that refuses connections. Each must fail within the configured timeout, without piling up
 * retries, and log what went wrong.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('next/headers', () => ({ draftMode: async () => ({ isEnabled: false }) }))

/** Short enough for a test, long enough that a loaded machine still sends the request in time. */
const TIMEOUT_MS = 1500

let server: Server | null = null
let requests = 0
let logged: string[] = []

async function source(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  server = createServer((request, response) => {
    requests += 1
    handler(request, response)
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function fetchFrom(url: string, timeoutMs = TIMEOUT_MS) {
  process.env.LOCAL_LAKE_URL = url
  process.env.SANITY_FETCH_TIMEOUT_MS = String(timeoutMs)
  vi.resetModules()
  const { sanityFetch } = await import('./fetch')
  const started = performance.now()
  const outcome = await sanityFetch({ query: '*[_type == "post"][0]', tags: ['post-list'] }).then(
    () => null,
    (error: unknown) => error,
  )
  return { outcome, elapsed: performance.now() - started }
}

beforeEach(() => {
  requests = 0
  logged = []
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => {
    logged.push(String(line))
  })
})

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve) ?? resolve(null))
  server = null
  delete process.env.LOCAL_LAKE_URL
  delete process.env.SANITY_FETCH_TIMEOUT_MS
  vi.restoreAllMocks()
})

describe('sanityFetch when the content source fails', () => {
  it('gives up on a source that accepts the request and never answers, after the timeout', async () => {
    // @sanity/client's own `timeout` does not apply to the fetch transport Next's cache options
    // select: without sanityFetch's deadline this request would wait for minutes.
    const { outcome, elapsed } = await fetchFrom(await source(() => undefined))
    expect(outcome).toMatchObject({ name: 'ContentSourceError' })
    // A bound that catches a hang (minutes), not a measure of speed.
    expect(elapsed).toBeLessThan(TIMEOUT_MS * 10)
    expect(requests).toBeLessThanOrEqual(1) // the deadline covers the retry: no second wait
    expect(logged.join('\n')).toContain(`[content] query failed (post-list): no answer within ${TIMEOUT_MS} ms`)
  }, 30_000)

  it('retries a 503 once, not five times, and logs the status', async () => {
    const url = await source((_request, response) => {
      response
        .writeHead(503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'Service Unavailable', message: 'down for maintenance' }))
    })
    const { outcome } = await fetchFrom(url, 10_000)
    expect(outcome).toMatchObject({ name: 'ContentSourceError' })
    expect(requests).toBe(2)
    expect(logged.join('\n')).toMatch(/\[content\] query failed \(post-list\): HTTP 503/u)
  })

  it('does not retry a 500 and names it', async () => {
    const url = await source((_request, response) => {
      response
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'Internal Server Error', message: 'boom' }))
    })
    const { outcome } = await fetchFrom(url, 10_000)
    expect(outcome).toMatchObject({ name: 'ContentSourceError' })
    expect(requests).toBe(1)
    expect(logged.join('\n')).toMatch(/\[content\] query failed \(post-list\): HTTP 500/u)
  })

  it('waits longer during next build, where nobody is waiting on the page', async () => {
    process.env.NEXT_PHASE = 'phase-production-build'
    try {
      const url = await source((_request, response) => {
        setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{"result": "slow but fine"}'), 1000)
      })
      const { outcome } = await fetchFrom(url, 200)
      expect(outcome).toBeNull()
    } finally {
      delete process.env.NEXT_PHASE
    }
  })

  it('names a refused connection', async () => {
    const url = await source(() => undefined)
    server?.close()
    const { outcome } = await fetchFrom(url, 10_000)
    expect(outcome).toMatchObject({ name: 'ContentSourceError' })
    expect(logged.join('\n')).toContain('ECONNREFUSED')
  })
})
