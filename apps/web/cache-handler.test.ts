import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import SecurityHeadersCache, { lifetimeAt } from './cache-handler.mjs'
import { parseServerEnv } from './lib/env'
import { CACHED_RESPONSE_HEADERS, RESOURCE_POLICY, cachedResponseHeaders, securityContext } from './lib/security-headers'

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`
const pageContext = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false }

// A build folder: .next/server beside .next/static, with the site's one stylesheet.
const distDir = mkdtempSync(path.join(tmpdir(), 'policy-cache-'))
const stylesheet = 'body{margin:0}'
mkdirSync(path.join(distDir, 'server'))
mkdirSync(path.join(distDir, 'static', 'chunks'), { recursive: true })
writeFileSync(path.join(distDir, 'static', 'chunks', 'site.css'), stylesheet)
// The not-found page the build prerenders (app/global-not-found.tsx), in its place under server/app.
const notFoundDocument =
  '<!DOCTYPE html><html lang="en"><body><h1>We couldn’t find that page</h1><script>notFoundBoot()</script></body></html>'
mkdirSync(path.join(distDir, 'server', 'app'))
writeFileSync(path.join(distDir, 'server', 'app', '_not-found.html'), notFoundDocument)
// What Next caches when a page calls notFound() while rendering on demand: the UI is only in the RSC payload.
const errorShell =
  '<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden=""></div><script>self.__next_f.push([1,"not found"])</script></body></html>'

function cache() {
  return new SecurityHeadersCache({ flushToDisk: false, serverDistDir: path.join(distDir, 'server'), maxMemoryCacheSize: 1_000_000 })
}

function install() {
  Object.assign(globalThis, { [CACHED_RESPONSE_HEADERS]: cachedResponseHeaders(securityContext(parseServerEnv({}))) })
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, CACHED_RESPONSE_HEADERS)
})

describe('the cache handler', () => {
  it("gives a stored page a policy with its own scripts' hashes, on the stored object and on every read", async () => {
    install()
    const handler = cache()
    const page = {
      kind: 'APP_PAGE',
      html: '<html><script>boot()</script></html>',
      headers: { 'x-next-cache-tags': 'post' },
      status: 200,
      rscData: Buffer.from(''),
    }
    await handler.set('/blog/one', page, { ...pageContext, cacheControl: { revalidate: 60 } })
    // The request that rendered the page is answered from this same object.
    expect(String((page.headers as Record<string, string>)['content-security-policy'])).toContain(`'${sha256('boot()')}'`)
    const entry = await handler.get('/blog/one', pageContext)
    const headers = entry?.value?.headers as Record<string, string>
    expect(headers['content-security-policy']).toContain(`script-src 'self' '${sha256('boot()')}'`)
    // The built stylesheet may be inlined, by Next in the HTML or by React from the RSC payload.
    expect(headers['content-security-policy']).toContain(`style-src 'self' '${sha256(stylesheet)}'`)
    expect(headers['x-frame-options']).toBe('DENY')
    expect(headers['x-next-cache-tags']).toBe('post')
  })

  it('replaces a policy stored by an earlier run', async () => {
    install()
    const handler = cache()
    const page = {
      kind: 'APP_PAGE',
      html: '<script>now()</script>',
      headers: { 'content-security-policy': "script-src 'sha256-old='" },
      status: 200,
    }
    await handler.set('/blog/two', page, { ...pageContext, cacheControl: { revalidate: 60 } })
    const headers = (await handler.get('/blog/two', pageContext))?.value?.headers as Record<string, string>
    expect(headers['content-security-policy']).not.toContain('sha256-old=')
    expect(headers['content-security-policy']).toContain(sha256('now()'))
  })

  it('gives other cached responses (feed, sitemap, images) the resource policy', async () => {
    install()
    const handler = cache()
    const feed = { kind: 'APP_ROUTE', body: Buffer.from('<rss/>'), headers: { 'content-type': 'application/rss+xml' }, status: 200 }
    await handler.set('/blog/feed.xml', feed, { kind: 'APP_ROUTE', isFallback: false, cacheControl: { revalidate: 60 } })
    expect((feed.headers as Record<string, string>)['content-security-policy']).toBe(RESOURCE_POLICY)
  })

  it('fails closed when no policy was installed: no inline script may run', async () => {
    const handler = cache()
    const page = { kind: 'APP_PAGE', html: '<script>boot()</script>', headers: {}, status: 200 }
    await handler.set('/blog/three', page, { ...pageContext, cacheControl: { revalidate: 60 } })
    const policy = (page.headers as Record<string, string>)['content-security-policy']
    expect(policy).toContain("script-src 'self';")
    expect(policy).not.toContain('sha256')
  })

  it('serves a page that called notFound() on demand as the server-rendered not-found page, keeping its status and tags', async () => {
    install()
    const handler = cache()
    const missing = {
      kind: 'APP_PAGE',
      html: errorShell,
      headers: { 'x-next-cache-tags': 'post:gone' },
      status: 404,
      rscData: Buffer.from('rsc'),
    }
    await handler.set('/blog/gone', missing, { ...pageContext, cacheControl: { revalidate: 60 } })
    // The request that rendered it is answered from this object too.
    expect(missing.html).toBe(notFoundDocument)
    const value = (await handler.get('/blog/gone', pageContext))?.value as Record<string, unknown>
    expect(value.html).toBe(notFoundDocument)
    expect(value.status).toBe(404)
    expect(String(value.rscData)).toBe('rsc')
    const headers = value.headers as Record<string, string>
    expect(headers['x-next-cache-tags']).toBe('post:gone')
    // The policy is the served document's: its script is allowed, the replaced shell's is not.
    expect(headers['content-security-policy']).toContain(sha256('notFoundBoot()'))
    expect(headers['content-security-policy']).not.toContain(sha256('self.__next_f.push([1,"not found"])'))
  })

  it('leaves other pages alone: a found page, and a 404 that was rendered in full', async () => {
    install()
    const handler = cache()
    const found = { kind: 'APP_PAGE', html: errorShell, headers: {}, status: 200 }
    const renderedMissing = { kind: 'APP_PAGE', html: '<html lang="en"><h1>Gone</h1></html>', headers: {}, status: 404 }
    await handler.set('/blog/odd', found, { ...pageContext, cacheControl: { revalidate: 60 } })
    await handler.set('/blog/full', renderedMissing, { ...pageContext, cacheControl: { revalidate: 60 } })
    expect(found.html).toBe(errorShell)
    expect(renderedMissing.html).toBe('<html lang="en"><h1>Gone</h1></html>')
  })

  it('gives a cached redirect stored without a Location the target from its RSC payload', async () => {
    install()
    const handler = cache()
    // What Next stores for a renamed post's old slug when its render path left the Location out.
    const payload = '1:"$Sreact.fragment"\n5:X\n19:E{"digest":"NEXT_REDIRECT;replace;/blog/new-slug;308;"}\n'
    const moved = {
      kind: 'APP_PAGE',
      html: errorShell,
      headers: { 'x-next-cache-tags': 'post:old-slug' },
      status: 308,
      rscData: Buffer.from(payload),
    }
    await handler.set('/blog/old-slug', moved, { ...pageContext, cacheControl: { revalidate: 60 } })
    expect((moved.headers as Record<string, string>).location).toBe('/blog/new-slug')
    const value = (await handler.get('/blog/old-slug', pageContext))?.value as Record<string, unknown>
    expect(value.status).toBe(308)
    const headers = value.headers as Record<string, string>
    expect(headers.location).toBe('/blog/new-slug')
    expect(headers['x-next-cache-tags']).toBe('post:old-slug')
  })

  it('restores the Location when Next stored the key with no value', async () => {
    install()
    const handler = cache()
    const payload = '19:E{"digest":"NEXT_REDIRECT;replace;/blog/new-slug;308;"}\n'
    const moved = { kind: 'APP_PAGE', html: errorShell, headers: { Location: undefined }, status: 308, rscData: Buffer.from(payload) }
    await handler.set('/blog/old-slug-2', moved, { ...pageContext, cacheControl: { revalidate: 60 } })
    const headers = moved.headers as Record<string, unknown>
    expect(Object.entries(headers).filter(([name]) => name.toLowerCase() === 'location')).toEqual([['location', '/blog/new-slug']])
  })

  it('leaves redirects that have a Location, other statuses and unsafe or mismatched targets alone', async () => {
    install()
    const handler = cache()
    const digest = (url: string, status: number) => Buffer.from(`19:E{"digest":"NEXT_REDIRECT;replace;${url};${status};"}\n`)
    const store = async (key: string, status: number, rscData: Buffer, headers: Record<string, string> = {}) => {
      const value = { kind: 'APP_PAGE', html: errorShell, headers, status, rscData }
      await handler.set(key, value, { ...pageContext, cacheControl: { revalidate: 60 } })
      return value.headers as Record<string, string>
    }
    expect((await store('/a', 308, digest('/blog/elsewhere', 308), { location: '/blog/kept' })).location).toBe('/blog/kept')
    expect((await store('/b', 200, digest('/blog/x', 308))).location).toBeUndefined()
    expect((await store('/c', 308, digest('/blog/x', 307))).location).toBeUndefined()
    expect((await store('/d', 308, digest('//evil.example/x', 308))).location).toBeUndefined()
    expect((await store('/e', 308, Buffer.from('19:E{"digest":"NEXT_NOT_FOUND"}\n'))).location).toBeUndefined()
  })
})

describe('moments in the content', () => {
  const rendered = Date.parse('2026-12-06T12:00:00Z')
  const entry = (moments: string | null, cacheControl?: { revalidate: number; expire?: number }) => ({
    lastModified: rendered,
    cacheControl,
    value: { kind: 'APP_PAGE', headers: moments ? { 'x-content-moments': moments } : {} },
  })

  it('leaves an entry without moments as Next stored it', () => {
    expect(lifetimeAt(entry(null, { revalidate: 3600 }), rendered + 1000)).toEqual({ revalidate: 3600 })
  })

  it('makes a page stale when a post goes live or an offer starts, counted from when it was rendered', () => {
    const soon = new Date(rendered + 90_500).toISOString()
    expect(lifetimeAt(entry(`stale=${soon}`, { revalidate: 3600 }))).toEqual({ revalidate: 91, expire: undefined })
    // The safety net still applies when the moment is further away.
    const far = new Date(rendered + 86_400_000).toISOString()
    expect(lifetimeAt(entry(`stale=${far}`, { revalidate: 3600 }))).toEqual({ revalidate: 3600, expire: undefined })
  })

  it('expires a page when an offer ends, with no stale window after it', () => {
    const end = new Date(rendered + 30_000).toISOString()
    expect(
      lifetimeAt(entry(`stale=${new Date(rendered + 60_000).toISOString()}; expires=${end}`, { revalidate: 3600, expire: 31_536_000 })),
    ).toEqual({
      revalidate: 30,
      expire: 30,
    })
  })

  it("reads a page's moments from its metadata, even once its body is swapped for the not-found page", async () => {
    install()
    const handler = cache()
    const moments = 'stale=2099-01-01T00:00:00.000Z'
    const page = {
      kind: 'APP_PAGE',
      status: 404,
      html: errorShell,
      headers: {},
      rscData: Buffer.from(`2:["$","meta","0",{"name":"content-moments","content":"${moments}"}]`),
    }
    await handler.set('/blog/soon', page, { ...pageContext, cacheControl: { revalidate: 3600 } })
    const stored = await handler.get('/blog/soon', pageContext)
    const headers = stored?.value?.headers as Record<string, string>
    expect(headers['x-content-moments']).toBe(moments)
    expect(Number(headers.age)).toBeGreaterThanOrEqual(0)
  })
})
