import { ServerResponse } from 'node:http'

const PATCHED = Symbol.for('journal.oneLocationHeader')

type PatchableResponse = ServerResponse & { [PATCHED]?: true }

/**
 * Keeps a response's Location header single. Next 16 sends a redirect that a page renders (a
 * renamed post's old slug, answered with permanentRedirect) with two identical Location headers
 * when it renders it: app-render sets the header, then the page handler appends every header of
 * the render result, Location included (vercel/next.js#82117, open as of 16.4.6). Browsers accept
 * that, but proxies and CDNs that merge repeated headers turn it into "/blog/new, /blog/new", which
 * is no URL, and search crawlers are reported to give up on such redirects — the ones that carry a
 * renamed post's ranking to its new address.
 *
 * Location is a single URI (RFC 9110, section 10.2.2), so appending a value the response already
 * has is dropped here; anything else, a different Location included, is appended as before.
 * Patched once per process, from instrumentation.ts.
 */
export function keepOneLocationHeader(prototype: PatchableResponse = ServerResponse.prototype): void {
  if (prototype[PATCHED]) return
  const append = prototype.appendHeader
  prototype.appendHeader = function appendHeader(this: ServerResponse, name: string, value: string | readonly string[]) {
    if (name.toLowerCase() === 'location') {
      const current = this.getHeader('location')
      const present = current === undefined ? [] : Array.isArray(current) ? current : [String(current)]
      const adding = typeof value === 'string' ? [value] : value
      if (adding.every((item) => present.includes(item))) return this
    }
    return append.call(this, name, value)
  }
  prototype[PATCHED] = true
}
