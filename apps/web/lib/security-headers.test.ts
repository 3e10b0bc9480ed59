import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { parseServerEnv } from './env'
import {
  RESOURCE_POLICY,
  cachedResponseHeaders,
  documentPolicy,
  draftDocumentPolicy,
  headerRules,
  inlineHashes,
  securityContext,
  type SecurityContext,
} from './security-headers'

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`

/** "a b; c d" → { a: ['b'], c: ['d'] } */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/u)
      return [name, sources]
    }),
  )
}

const embedded = securityContext(parseServerEnv({ LOCAL_LAKE_PORT: '4100', SITE_URL: 'http://127.0.0.1:3000' }))
const hosted = securityContext(
  parseServerEnv({ SANITY_PROJECT_ID: 'abc123', SITE_URL: 'https://journal.example', SANITY_STUDIO_URL: 'https://studio.example/studio' }),
)

describe('securityContext', () => {
  it('takes the image origin from the content source', () => {
    expect(embedded.imageOrigin).toBe('http://127.0.0.1:4100')
    expect(securityContext(parseServerEnv({ LOCAL_LAKE_PUBLIC_URL: 'https://images.example/lake/' })).imageOrigin).toBe(
      'https://images.example',
    )
    expect(hosted.imageOrigin).toBe('https://cdn.sanity.io')
  })

  it('lets only the configured Studio origin frame draft pages, in either mode', () => {
    expect(hosted.studioOrigins).toEqual(['https://studio.example'])
    expect(embedded.studioOrigins).toEqual([])
    expect(securityContext(parseServerEnv({ SANITY_STUDIO_URL: 'http://localhost:3333' })).studioOrigins).toEqual(['http://localhost:3333'])
  })

  it('adds the other Studio origins listed in SANITY_STUDIO_ORIGINS, and refuses a malformed one', () => {
    const both = parseServerEnv({
      SANITY_STUDIO_URL: 'https://studio.example/studio',
      SANITY_STUDIO_ORIGINS: 'http://127.0.0.1:3333/, http://localhost:3333',
    })
    expect(securityContext(both).studioOrigins).toEqual(['https://studio.example', 'http://127.0.0.1:3333', 'http://localhost:3333'])
    expect(() => parseServerEnv({ SANITY_STUDIO_ORIGINS: 'http://127.0.0.1:3333,not a url' })).toThrow(/SANITY_STUDIO_ORIGINS/)
  })

  it("reaches the project's Content Lake for visual editing only in hosted mode", () => {
    expect(hosted.visualEditingOrigins).toEqual([
      'https://abc123.api.sanity.io',
      'https://abc123.apicdn.sanity.io',
      'wss://abc123.api.sanity.io',
    ])
    expect(embedded.visualEditingOrigins).toEqual([])
  })

  it('is https only when the canonical SITE_URL is', () => {
    expect(hosted.https).toBe(true)
    expect(embedded.https).toBe(false)
    expect(securityContext(parseServerEnv({})).https).toBe(false)
  })
})

describe('documentPolicy', () => {
  const policy = directives(documentPolicy(embedded, { scripts: ['sha256-AAA='], styles: ['sha256-BBB='] }))

  it('allows inline scripts and stylesheets only by hash, never unsafe-inline or unsafe-eval', () => {
    expect(policy['script-src']).toEqual(["'self'", "'sha256-AAA='"])
    expect(policy['style-src']).toEqual(["'self'", "'sha256-BBB='"])
    const everything = Object.values(policy).flat()
    expect(everything.filter((source) => source === "'unsafe-eval'" || source === "'strict-dynamic'")).toEqual([])
    // next/image's blurred placeholders are style attributes; inline style elements stay hashed.
    expect(policy['style-src-attr']).toEqual(["'unsafe-inline'"])
  })

  it('locks down plugins, base URLs, form targets and framing', () => {
    expect(policy['object-src']).toEqual(["'none'"])
    expect(policy['base-uri']).toEqual(["'self'"])
    expect(policy['form-action']).toEqual(["'self'"])
    expect(policy['frame-ancestors']).toEqual(["'none'"])
    expect(policy['frame-src']).toEqual(["'none'"])
  })

  it('loads images from the image CDN and connects only to the site', () => {
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'http://127.0.0.1:4100'])
    expect(directives(documentPolicy(hosted, { scripts: [], styles: [] }))['img-src']).toContain('https://cdn.sanity.io')
    expect(policy['connect-src']).toEqual(["'self'"])
  })

  it('upgrades insecure requests only on an https site', () => {
    expect(policy['upgrade-insecure-requests']).toBeUndefined()
    expect(directives(documentPolicy(hosted, { scripts: [], styles: [] }))['upgrade-insecure-requests']).toEqual([])
  })

  it('never lets the Studio frame a public page', () => {
    expect(directives(documentPolicy(hosted, { scripts: [], styles: [] }))['frame-ancestors']).toEqual(["'none'"])
  })
})

describe('draftDocumentPolicy', () => {
  it("trusts this request's nonce and what its scripts load, nothing inline without it", () => {
    const policy = directives(draftDocumentPolicy(embedded, { nonce: 'n0nce' }))
    expect(policy['script-src']).toEqual(["'self'", "'nonce-n0nce'", "'strict-dynamic'"])
    expect(policy['object-src']).toEqual(["'none'"])
    expect(policy['base-uri']).toEqual(["'self'"])
  })

  it('may be framed by the configured Studio only, or by nothing', () => {
    expect(directives(draftDocumentPolicy(hosted, { nonce: 'x' }))['frame-ancestors']).toEqual(['https://studio.example'])
    expect(directives(draftDocumentPolicy(embedded, { nonce: 'x' }))['frame-ancestors']).toEqual(["'none'"])
  })

  it("connects to the project's Content Lake for hosted visual editing", () => {
    expect(directives(draftDocumentPolicy(hosted, { nonce: 'x' }))['connect-src']).toEqual([
      "'self'",
      'https://abc123.api.sanity.io',
      'https://abc123.apicdn.sanity.io',
      'wss://abc123.api.sanity.io',
    ])
    expect(directives(draftDocumentPolicy(embedded, { nonce: 'x' }))['connect-src']).toEqual(["'self'"])
  })

  it("allows eval only under `next dev`, which React's development build needs", () => {
    expect(directives(draftDocumentPolicy(embedded, { nonce: 'x' }))['script-src']).not.toContain("'unsafe-eval'")
    expect(directives(draftDocumentPolicy(embedded, { nonce: 'x', development: true }))['script-src']).toContain("'unsafe-eval'")
  })
})

describe('inlineHashes', () => {
  it('hashes inline scripts and style elements, skipping script files and data blocks', () => {
    const html = [
      '<!DOCTYPE html><html><head><style data-precedence="next">body{margin:0}</style>',
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script type="application/ld+json">{"@type":"BlogPosting"}</script>',
      '</head><body><script id="_R_">self.boot()</script>',
      '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
      '<SCRIPT type="module">import "x"</SCRIPT >',
      '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
      '</body></html>',
    ].join('')
    expect(inlineHashes(html)).toEqual({
      scripts: [sha256('self.boot()'), sha256('(self.__next_f=self.__next_f||[]).push([0])'), sha256('import "x"')],
      styles: [sha256('body{margin:0}')],
    })
  })

  it('hashes text as the browser parses it: CRLF becomes LF, UTF-8 bytes', () => {
    expect(inlineHashes('<script>a()\r\nb("é")</script>').scripts).toEqual([sha256('a()\nb("é")')])
  })

  it('finds nothing in a document without inline code', () => {
    expect(inlineHashes('<html><body><p>Hello</p><script src="/x.js"></script></body></html>')).toEqual({ scripts: [], styles: [] })
  })
})

describe('cachedResponseHeaders', () => {
  it('gives a cached page the hashes of its own inline code, anything else the resource policy; neither may be framed', () => {
    const headers = cachedResponseHeaders(embedded)
    const page = headers.document('<script>go()</script>', [])
    expect(directives(page['content-security-policy'] ?? '')['script-src']).toEqual(["'self'", `'${sha256('go()')}'`])
    expect(page['x-frame-options']).toBe('DENY')
    expect(headers.resource).toEqual({ 'content-security-policy': RESOURCE_POLICY, 'x-frame-options': 'DENY' })
    expect(directives(RESOURCE_POLICY)).toEqual({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] })
  })

  it("allows the site's own stylesheets inline, as Next inlines them, once each", () => {
    const css = 'body{color:#1f2421}'
    const page = cachedResponseHeaders(embedded).document(`<style data-precedence="next">${css}</style>`, [css, 'main{}'])
    expect(directives(page['content-security-policy'] ?? '')['style-src']).toEqual(["'self'", `'${sha256(css)}'`, `'${sha256('main{}')}'`])
  })
})

describe('headerRules', () => {
  function headersFor(context: SecurityContext, path: string): Record<string, string> {
    const found: Record<string, string> = {}
    for (const rule of headerRules(context)) {
      if (!path.startsWith(rule.source.replace(/:path\*$/u, ''))) continue
      for (const header of rule.headers) found[header.key] = header.value
    }
    return found
  }

  it('sends nosniff, a referrer policy and a permissions policy everywhere', () => {
    const headers = headersFor(embedded, '/blog/feed.xml')
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin')
    const permissions = headers['Permissions-Policy'] ?? ''
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()']) expect(permissions).toContain(feature)
    expect(permissions).toContain('clipboard-write=(self)')
  })

  it('sends HSTS only when the site is https', () => {
    expect(headersFor(embedded, '/blog')['Strict-Transport-Security']).toBeUndefined()
    expect(headersFor(hosted, '/blog')['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains')
  })

  it('leaves Content-Security-Policy and framing of pages to the cache entry and the draft-mode proxy', () => {
    const headers = headersFor(hosted, '/blog/some-post')
    expect(headers['Content-Security-Policy']).toBeUndefined()
    expect(headers['X-Frame-Options']).toBeUndefined()
    expect(headers['Cache-Control']).toBeUndefined()
  })

  it('keeps API answers (draft-mode switches, the webhook) private, uncached and unframeable', () => {
    const headers = headersFor(embedded, '/api/draft-mode/enable')
    expect(headers['Cache-Control']).toBe('private, no-store')
    expect(headers['Content-Security-Policy']).toBe(RESOURCE_POLICY)
    expect(headers['X-Frame-Options']).toBe('DENY')
  })
})
