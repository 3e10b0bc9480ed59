import { createHash } from 'node:crypto'

import type { ServerEnv } from './env'

/*
 * Security headers and Content-Security-Policy, as pure functions of the configuration.
 *
 * Pages are static (ISR), and Next.js inlines scripts whose content differs per page (the RSC
 * payload `self.__next_f.push(...)`, Turbopack's bootstrap) plus the site's stylesheet. A nonce
 * would have to change per request, which forces dynamic rendering and ends ISR; so a cached
 * page's policy lists the SHA-256 of each of its inline scripts and stylesheets instead.
 * cache-handler.mjs works them out once per cache entry (when a page is rendered, or first read
 * from disk) and the policy is served with the entry on every hit. Draft mode renders per
 * request anyway: proxy.ts gives each draft-mode request a nonce, which Next puts on its scripts.
 */

export interface SecurityContext {
  /** where pictures come from: Sanity's image CDN, or the local lake's public URL */
  imageOrigin: string
  /** who may frame draft-mode pages: the Studio (Presentation tool), when configured */
  studioOrigins: string[]
  /** the Content Lake origins visual-editing overlays reach (hosted mode, draft mode only) */
  visualEditingOrigins: string[]
  /** the canonical site is served over https */
  https: boolean
}

export function securityContext(env: ServerEnv): SecurityContext {
  const { source } = env
  const hosted = source.mode === 'hosted'
  return {
    imageOrigin: new URL(source.imageBaseUrl).origin,
    studioOrigins: [...new Set([...(env.studioUrl ? [new URL(env.studioUrl).origin] : []), ...env.otherStudioOrigins])],
    visualEditingOrigins: hosted
      ? [
          `https://${source.projectId}.api.sanity.io`,
          `https://${source.projectId}.apicdn.sanity.io`,
          `wss://${source.projectId}.api.sanity.io`,
        ]
      : [],
    https: env.siteUrl?.startsWith('https:') ?? false,
  }
}

type Directive = [name: string, ...sources: string[]]

function serialize(directives: Directive[]): string {
  return directives.map((directive) => directive.join(' ')).join('; ')
}

/** Directives every HTML document shares, public or draft. */
function documentDirectives(context: SecurityContext): Directive[] {
  return [
    ['default-src', "'self'"],
    ['img-src', "'self'", 'data:', context.imageOrigin],
    ['font-src', "'self'"],
    ['frame-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ]
}

function upgrade(context: SecurityContext): Directive[] {
  return context.https ? [['upgrade-insecure-requests']] : []
}

export interface InlineHashes {
  /** hash sources ("sha256-…") of the page's inline scripts */
  scripts: readonly string[]
  /** hash sources of the page's inline stylesheets (with experimental.inlineCss) */
  styles: readonly string[]
}

const quoted = (hashes: readonly string[]) => hashes.map((hash) => `'${hash}'`)

/**
 * A public page: its own inline scripts and stylesheets (by hash) and the site's files, nothing
 * else; style attributes are allowed for next/image's blurred placeholders; never framed.
 */
export function documentPolicy(context: SecurityContext, inline: InlineHashes): string {
  return serialize([
    ...documentDirectives(context),
    ['script-src', "'self'", ...quoted(inline.scripts)],
    ['style-src', "'self'", ...quoted(inline.styles)],
    ['style-src-attr', "'unsafe-inline'"],
    ['connect-src', "'self'"],
    ['frame-ancestors', "'none'"],
    ...upgrade(context),
  ])
}

/**
 * A draft-mode page: scripts carry this request's nonce (and what they load is trusted through
 * 'strict-dynamic'); only the Studio may frame it; hosted visual editing talks to the Content
 * Lake. Styles cannot be bound to the nonce: Next 16.4 leaves it off the stylesheet it inlines
 * (with experimental.inlineCss), and the visual-editing overlays inject theirs without one.
 */
export function draftDocumentPolicy(
  context: SecurityContext,
  { nonce, development = false }: { nonce: string; development?: boolean },
): string {
  return serialize([
    ...documentDirectives(context),
    // React's development build evaluates code to rebuild server stack traces (`next dev` only).
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['connect-src', "'self'", ...context.visualEditingOrigins],
    ['frame-ancestors', ...(context.studioOrigins.length > 0 ? context.studioOrigins : ["'none'"])],
    ...upgrade(context),
  ])
}

/** Anything that is not an HTML page (feed, sitemaps, robots.txt, icons, images, API answers). */
export const RESOURCE_POLICY = serialize([
  ['default-src', "'none'"],
  ['frame-ancestors', "'none'"],
])

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/giu
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/giu
const TYPE_ATTRIBUTE = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/iu
const SRC_ATTRIBUTE = /\bsrc\s*=/iu
/** Script types a browser runs (or that CSP governs); any other type is a data block. */
const EXECUTABLE_TYPES = new Set(['', 'module', 'importmap', 'speculationrules', 'text/javascript', 'application/javascript'])

/** As the browser hashes an element's text: line breaks normalised to LF, UTF-8 encoded. */
function hashSource(text: string): string {
  return `sha256-${createHash('sha256').update(text.replace(/\r\n?/gu, '\n'), 'utf8').digest('base64')}`
}

/**
 * The CSP hash sources of an HTML document's inline scripts and stylesheets, in document order
 * and without repeats. Data blocks (JSON-LD) are skipped: browsers never run them, so CSP does
 * not look at them. The markup is React's, which escapes "<" in text and attribute values, so a
 * regular expression finds exactly the elements the browser's parser would.
 */
export function inlineHashes(html: string): InlineHashes {
  const scripts = new Set<string>()
  for (const [, attributes = '', text = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (SRC_ATTRIBUTE.test(attributes)) continue
    const type = TYPE_ATTRIBUTE.exec(attributes)
    const typeName = (type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim().toLowerCase()
    if (EXECUTABLE_TYPES.has(typeName)) scripts.add(hashSource(text))
  }
  const styles = new Set<string>()
  for (const [, text = ''] of html.matchAll(INLINE_STYLE)) styles.add(hashSource(text))
  return { scripts: [...scripts], styles: [...styles] }
}

const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
  // The booking CTA's copy button writes the promo code to the clipboard.
  'clipboard-write=(self)',
].join(', ')

export interface Header {
  key: string
  value: string
}

export interface HeaderRule {
  source: string
  headers: Header[]
}

/**
 * next.config `headers()`: what every response carries, and what the API routes (draft-mode
 * switches, the revalidation webhook) add. Pages and other cached responses get their
 * Content-Security-Policy and X-Frame-Options with the cache entry (cache-handler.mjs), draft
 * mode from proxy.ts: Next sends config headers and cached headers side by side, and two
 * policies would both be enforced.
 */
export function headerRules(context: SecurityContext): HeaderRule[] {
  const everyResponse: Header[] = [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
  ]
  // Browsers ignore HSTS over plain http, and a loopback run must not pin https on localhost.
  if (context.https) everyResponse.push({ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' })
  return [
    { source: '/:path*', headers: everyResponse },
    {
      source: '/api/:path*',
      headers: [
        { key: 'Content-Security-Policy', value: RESOURCE_POLICY },
        { key: 'X-Frame-Options', value: 'DENY' },
        { key: 'Cache-Control', value: 'private, no-store' },
      ],
    },
  ]
}

/**
 * Where instrumentation.ts leaves the cached responses' headers for cache-handler.mjs, which is
 * plain JavaScript that Next loads without compiling, so it cannot import this module.
 */
export const CACHED_RESPONSE_HEADERS = Symbol.for('journal.cachedResponseHeaders')

export interface CachedResponseHeaders {
  /**
   * For a cached HTML page, given its markup and the text of the site's built stylesheets. With
   * experimental.inlineCss Next inlines the stylesheet, and where a page's HTML leaves it out (a
   * not-found page rendered on request) React inserts it from the RSC payload: a policy that
   * allows the site's own stylesheets inline allows nothing 'self' does not already.
   */
  document(html: string, stylesheets: readonly string[]): Record<string, string>
  /** for any other cached response (feed, sitemaps, robots.txt, icons, Open Graph images) */
  resource: Record<string, string>
}

/**
 * X-Frame-Options for browsers without CSP frame-ancestors, only where frame-ancestors is
 * 'none': draft-mode pages, which the Studio frames, never come from the cache.
 */
export function cachedResponseHeaders(context: SecurityContext): CachedResponseHeaders {
  const stylesheetHashes = new Map<string, string>()
  const hashOf = (stylesheet: string) => {
    let hash = stylesheetHashes.get(stylesheet)
    if (!hash) stylesheetHashes.set(stylesheet, (hash = hashSource(stylesheet)))
    return hash
  }
  return {
    document: (html, stylesheets) => {
      const inline = inlineHashes(html)
      const styles = [...new Set([...inline.styles, ...stylesheets.map(hashOf)])]
      return { 'content-security-policy': documentPolicy(context, { ...inline, styles }), 'x-frame-options': 'DENY' }
    },
    resource: { 'content-security-policy': RESOURCE_POLICY, 'x-frame-options': 'DENY' },
  }
}
