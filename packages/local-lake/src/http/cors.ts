/*
 * Who may call the lake from a browser. The Studio's origins (configured, e.g. the Studio that
 * `npm start` serves) get everything, with their own origin echoed back (never `*`), since the
 * Studio sends its token in an Authorization header and writes. Any other page may only read what
 * is public: queries, documents and images, with `*` and no Authorization header allowed, so a
 * page that somehow held the token still could not use it from the browser.
 */
import type { IncomingMessage } from 'node:http'

/** Headers the Studio's client sends (x-sanity-app on every request, the project id without a project host name). */
const STUDIO_HEADERS = 'authorization, content-type, x-sanity-app, x-sanity-project-id, client-timing, last-event-id, cache-control'
const PUBLIC_HEADERS = 'content-type, x-sanity-app, x-sanity-project-id'

export interface CorsPolicy {
  /** Headers for the response to this request. */
  headers: Record<string, string>
  /** The answer to a preflight (OPTIONS) request. */
  preflight: Record<string, string>
  /** Whether the request comes from a Studio origin. */
  trusted: boolean
}

export function corsFor(request: IncomingMessage, studioOrigins: ReadonlySet<string>, writes: boolean): CorsPolicy {
  const origin = request.headers.origin
  if (typeof origin === 'string' && studioOrigins.has(origin)) {
    const headers = { 'access-control-allow-origin': origin, vary: 'origin' }
    return {
      trusted: true,
      headers,
      preflight: {
        ...headers,
        'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
        'access-control-allow-headers': STUDIO_HEADERS,
        'access-control-max-age': '600',
      },
    }
  }
  if (writes) return { trusted: false, headers: {}, preflight: {} }
  const headers = { 'access-control-allow-origin': '*' }
  return {
    trusted: false,
    headers,
    preflight: {
      ...headers,
      'access-control-allow-methods': 'GET, HEAD, POST',
      'access-control-allow-headers': PUBLIC_HEADERS,
      'access-control-max-age': '600',
    },
  }
}
