import { createHash } from 'node:crypto'

import { NextResponse, type NextRequest } from 'next/server'

import { serverEnv } from './lib/env'
import { draftDocumentPolicy, RESOURCE_POLICY, securityContext } from './lib/security-headers'

const DRAFT_COOKIE = '__prerender_bypass'

/** A path whose percent-encoding is not valid UTF-8 (`/blog/%E0%A4%A`): Next answers those with a bare 500. */
function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return false
  } catch {
    return true
  }
}

// The site's colours and measure (app/(site)/globals.css), inline: this page has no stylesheet link.
const BAD_REQUEST_STYLE =
  'body{margin:4rem auto;max-width:36rem;padding:0 1.25rem;font:1.1rem/1.6 system-ui,sans-serif;color:#1f2421;background:#f6f3ee}' +
  'h1{font-family:Georgia,serif;line-height:1.2}a{color:#2f5d4a}' +
  '@media (prefers-color-scheme:dark){body{color:#ecebe6;background:#161917}a{color:#8fc3a8}}'
const BAD_REQUEST_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Bad request</title><style>${BAD_REQUEST_STYLE}</style></head><body><main><h1>This address is not valid</h1><p>The link is damaged (it contains an invalid percent-encoded character). <a href="/blog">Go to the journal</a>.</p></main></body></html>`
const BAD_REQUEST_POLICY = `${RESOURCE_POLICY}; style-src 'sha256-${createHash('sha256').update(BAD_REQUEST_STYLE).digest('base64')}'`

/**
 * Runs only for requests carrying Next's draft-mode cookie, and for paths with a percent sign
 * (see `config`); public pages never come here, their policy travels with the cached page
 * (cache-handler.mjs).
 *
 * A path whose percent-encoding is broken gets a small 400 page (Next itself answers a bare 500
 * with no headers of ours). Draft pages render per request, so each gets a fresh nonce: Next
 * reads it from the request's Content-Security-Policy and puts it on every script it renders.
 */
export function proxy(request: NextRequest) {
  if (malformedPath(request.nextUrl.pathname)) {
    return new NextResponse(BAD_REQUEST_PAGE, {
      status: 400,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': BAD_REQUEST_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      },
    })
  }
  if (!request.cookies.has(DRAFT_COOKIE)) return NextResponse.next()
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64')
  const policy = draftDocumentPolicy(securityContext(serverEnv()), { nonce, development: process.env.NODE_ENV === 'development' })
  const headers = new Headers(request.headers)
  headers.set('Content-Security-Policy', policy)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('Content-Security-Policy', policy)
  // A cookie from an earlier build (or a forged one) is not draft mode: Next answers from the
  // public cache, that page's own policy applies as well, and the one response runs no script
  // (Next clears the stale cookie in it). Such a response must not reach a shared cache either.
  response.headers.set('Cache-Control', 'private, no-store')
  return response
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static/|_next/image).*)',
      // Next's draft-mode cookie; Next reads this config statically, so it is spelled out here.
      has: [{ type: 'cookie', key: '__prerender_bypass' }],
    },
    // Paths with a percent sign: checked for malformed percent-encoding (nothing else runs here).
    { source: '/:path(.*%.*)' },
  ],
}
