// Next's own file-system ISR cache, plus Content-Security-Policy and X-Frame-Options on every
// entry it hands out, a server-rendered body for the 404s of pages rendered on demand
// (withRenderedNotFound below), the Location of cached redirects (withRedirectLocation), and
// lifetimes that end at the moments written in the content (withContentMoments).
//
// A cached page's policy lists the hashes of that page's inline scripts and stylesheets (see
// lib/security-headers.ts for why not a nonce). The cache entry is the one place that holds the
// final HTML of a static page and is served as is on every hit, so the headers are worked out
// here once per entry (when Next stores a fresh render, or first reads a build-time page from
// disk) and travel in the entry's headers, which Next sends with the cached body, on GET, HEAD
// and 304 alike. Upstream Next.js has the same design under review (vercel/next.js#98332).
//
// Plain JavaScript, because Next loads a cache handler at run time without compiling it. The
// headers come from lib/security-headers.ts: instrumentation.ts leaves them under the symbol
// below before the server takes requests.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { sharedCacheFor } from './shared-cache.mjs'

const require = createRequire(import.meta.url)
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache').default
const { areTagsExpired } = require('next/dist/server/lib/incremental-cache/tags-manifest.external')

const CACHED_RESPONSE_HEADERS = Symbol.for('journal.cachedResponseHeaders')
// When nothing was left there (instrumentation did not run): fail closed, no inline script runs.
const FALLBACK_HEADERS = {
  'content-security-policy': "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
}

/** Entries already prepared: the memory cache hands out the same object on each hit. */
const done = new WeakSet()

let stylesheets = null
let notFoundDocument

/** The not-found page the build prerendered (app/global-not-found.tsx), read once; null without one. */
function builtNotFoundDocument(serverDir) {
  if (notFoundDocument !== undefined) return notFoundDocument
  try {
    notFoundDocument = readFileSync(path.join(serverDir, 'app', '_not-found.html'), 'utf8')
  } catch {
    notFoundDocument = null
  }
  return notFoundDocument
}

/**
 * A page that called notFound() while rendering on demand (ISR) is cached as an empty error
 * document whose not-found UI exists only in its RSC payload, drawn by client JavaScript
 * (vercel/next.js#62228): a blank page until the scripts run, and for good without them. Such an
 * entry gets the build's server-rendered not-found page instead, the one Next itself sends for
 * URLs that match no route. Its status (404) and cache tags stay, so publishing a post at that
 * address still replaces it; client-side navigations use the entry's RSC data, which is unchanged.
 */
function withRenderedNotFound(value, serverDir) {
  if (value.kind !== 'APP_PAGE' || value.status !== 404 || typeof value.html !== 'string') return
  if (!value.html.includes('<html id="__next_error__"')) return
  const document = builtNotFoundDocument(serverDir)
  if (document) value.html = document
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/**
 * A page that called redirect() or permanentRedirect() (a renamed post's old slug does) is cached
 * with the redirect status, and its Location travels in the entry's headers. Next 16 does not
 * always put it there. Its request-time render path (renderToStream in app-render.js) sets the
 * Location on the response only, while its prerender path also records it for the cache; whatever
 * the route, 4 of 110 stored redirects here had no Location, and an e2e run was answered by one,
 * served STALE. Such an entry is a redirect to nowhere: browsers show an empty page. The target
 * is still in the entry's RSC payload, as the error digest `NEXT_REDIRECT;<type>;<url>;<status>;`
 * that Next's client router follows, so the Location is restored from it. No basePath is
 * configured, so the URL is used as it stands.
 */
function withRedirectLocation(value) {
  if (value.kind !== 'APP_PAGE' || !REDIRECT_STATUSES.has(value.status)) return
  // A present Location has a value: Next also stores the key with `undefined` (seen in 1 of ~30
  // renames under load), which is no Location at all.
  if (
    value.headers &&
    Object.entries(value.headers).some(([name, url]) => name.toLowerCase() === 'location' && typeof url === 'string' && url !== '')
  )
    return
  const payload = value.rscData ? String(value.rscData) : ''
  for (const match of payload.matchAll(/^[0-9a-f]+:E(\{.*\})$/gmu)) {
    let digest
    try {
      digest = JSON.parse(match[1]).digest
    } catch {
      continue
    }
    if (typeof digest !== 'string' || !digest.startsWith('NEXT_REDIRECT;')) continue
    const parts = digest.split(';')
    const url = parts.slice(2, -2).join(';')
    if (Number(parts.at(-2)) !== value.status || !/^(\/(?!\/)|https?:\/\/)/u.test(url)) continue
    const headers = Object.fromEntries(Object.entries(value.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'location'))
    value.headers = { ...headers, location: url }
    return
  }
}

const MOMENTS_HEADER = 'x-content-moments'
// How a page names its moments (the site layout's metadata) in its HTML and in its RSC payload.
const MOMENTS_IN_HTML = /<meta name="content-moments" content="([^"]*)"/u
const MOMENTS_IN_RSC = /"name":"content-moments","content":"([^"]*)"/u

/**
 * The moments a rendered page depends on (packages/content/src/moments.ts): `stale=<ISO>` when
 * a post goes live or an offer starts, `expires=<ISO>` when an offer ends. Pages carry them in a
 * <meta> of their own; they are copied into the entry's headers, which route handlers set
 * directly, and which survive the not-found body swap and restarts.
 */
function withContentMoments(value) {
  if (value.kind !== 'APP_PAGE' || value.headers?.[MOMENTS_HEADER]) return
  const found =
    (typeof value.html === 'string' && MOMENTS_IN_HTML.exec(value.html)) || (value.rscData && MOMENTS_IN_RSC.exec(String(value.rscData)))
  if (found) value.headers = { ...value.headers, [MOMENTS_HEADER]: found[1] }
}

function parseMoments(header) {
  const moments = {}
  for (const part of String(header ?? '').split(';')) {
    const [name, value] = part.trim().split('=')
    const time = Date.parse(value ?? '')
    if ((name === 'stale' || name === 'expires') && !Number.isNaN(time)) moments[name] = time
  }
  return moments
}

/** The safety-net lifetime pages get from their fetches (apps/web/lib/env.ts reads the same variable). */
function defaultRevalidate() {
  const seconds = Number(process.env.REVALIDATE_SECONDS)
  return Number.isInteger(seconds) && seconds > 0 ? seconds : 3600
}

/**
 * An entry's lifetime, cut at its moments. Next counts both from the entry's lastModified: past
 * `revalidate` it serves the entry once more while rendering anew (a post going live, an offer
 * starting), past `expire` it renders before answering (an offer ending: an expired code is never
 * served). Seconds are rounded up, so a moment takes effect within a second after it.
 */
export function lifetimeAt(entry, now = Date.now()) {
  const moments = parseMoments(entry.value?.headers?.[MOMENTS_HEADER])
  if (moments.stale === undefined && moments.expires === undefined) return entry.cacheControl
  const lastModified = entry.lastModified ?? now
  const base = entry.cacheControl ?? { revalidate: defaultRevalidate(), expire: undefined }
  const secondsTo = (time) => Math.max(1, Math.ceil((time - lastModified) / 1000))
  let revalidate = typeof base.revalidate === 'number' ? base.revalidate : defaultRevalidate()
  let expire = base.expire
  if (moments.stale !== undefined) revalidate = Math.min(revalidate, secondsTo(moments.stale))
  if (moments.expires !== undefined) {
    expire = Math.min(expire ?? Number.POSITIVE_INFINITY, secondsTo(moments.expires))
    // No stale-while-revalidate window past an expired offer, for this cache or a CDN's.
    revalidate = Math.min(revalidate, expire)
  }
  return { revalidate, expire }
}

/** The text of every stylesheet the build wrote (.next/static), read once. */
function builtStylesheets(staticDir) {
  if (stylesheets) return stylesheets
  stylesheets = []
  try {
    for (const file of readdirSync(staticDir, { recursive: true })) {
      if (String(file).endsWith('.css')) stylesheets.push(readFileSync(path.join(staticDir, String(file)), 'utf8'))
    }
  } catch {
    // No static folder (a deployment that serves it elsewhere): inline styles in the HTML still count.
  }
  return stylesheets
}

/**
 * Readies an entry Next stores or reads: the not-found body or the redirect's Location where they
 * apply, then its headers.
 */
function prepareEntry(value, { serverDir, staticDir }) {
  if (!value || done.has(value)) return
  if (value.kind !== 'APP_PAGE' && value.kind !== 'APP_ROUTE') return
  // Before the not-found swap, which replaces the HTML the page's moments are read from.
  withContentMoments(value)
  withRenderedNotFound(value, serverDir)
  withRedirectLocation(value)
  const headers = globalThis[CACHED_RESPONSE_HEADERS]
  const added = !headers
    ? FALLBACK_HEADERS
    : value.kind === 'APP_PAGE'
      ? headers.document(typeof value.html === 'string' ? value.html : '', builtStylesheets(staticDir))
      : headers.resource
  // Replaces any stored by an earlier run, whose configuration may have differed.
  value.headers = { ...value.headers, ...added }
  done.add(value)
}

export default class SecurityHeadersCache extends FileSystemCache {
  constructor(context) {
    super(context)
    this.dirs = { serverDir: context.serverDistDir ?? '.', staticDir: path.join(context.serverDistDir ?? '.', '..', 'static') }
    // With REDIS_URL: entries and tag state shared with the other instances (shared-cache.mjs).
    this.shared = sharedCacheFor(this.dirs.serverDir)
  }

  async get(...args) {
    const entry = (this.shared ? await this.sharedEntry(...args) : undefined) ?? (await super.get(...args))
    if (!entry?.value) return entry
    prepareEntry(entry.value, this.dirs)
    if (entry.value.kind !== 'APP_PAGE' && entry.value.kind !== 'APP_ROUTE') return entry
    // Its age, so a CDN in front counts the lifetime Next sends (s-maxage) from when the entry
    // was rendered, as this cache does, rather than from when it received the response.
    if (typeof entry.lastModified === 'number' && entry.lastModified > 0) {
      entry.value.headers = { ...entry.value.headers, age: String(Math.max(0, Math.floor((Date.now() - entry.lastModified) / 1000))) }
    }
    const cacheControl = lifetimeAt(entry)
    return cacheControl === entry.cacheControl ? entry : { ...entry, cacheControl }
  }

  /**
   * The entry another instance (or this one) stored in the shared cache, checked against the tag
   * state as Next's file-system cache checks its own: an entry whose tags expired is no entry.
   * Undefined when Redis has none or cannot answer, so the disk cache is asked instead.
   */
  async sharedEntry(key, context) {
    const entry = await this.shared.getEntry(key)
    if (!entry?.value) return undefined
    if (entry.value.kind === 'FETCH') {
      const tags = [...(context?.tags ?? []), ...(context?.softTags ?? [])]
      if (tags.some((tag) => this.revalidatedTags?.includes(tag)) || areTagsExpired(tags, entry.lastModified)) return null
      return entry
    }
    const tagsHeader = entry.value.headers?.['x-next-cache-tags']
    if (typeof tagsHeader === 'string' && areTagsExpired(tagsHeader.split(','), entry.lastModified)) return null
    return entry
  }

  async set(key, data, context) {
    // This same object goes on to answer the request that rendered it, so that response has them too.
    prepareEntry(data, this.dirs)
    await super.set(key, data, context)
    if (this.shared && data) {
      const value = data.kind === 'FETCH' ? { ...data, tags: context?.fetchCache ? context.tags : [] } : data
      await this.shared.setEntry(key, {
        lastModified: Date.now(),
        value,
        cacheControl: context?.fetchCache ? undefined : context?.cacheControl,
      })
    }
  }
}
