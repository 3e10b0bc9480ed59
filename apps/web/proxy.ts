import { NextResponse, type NextRequest } from 'next/server'

import { serverEnv } from './lib/env'
import { draftDocumentPolicy, securityContext } from './lib/security-headers'

/**
 * Runs only for requests carrying Next's draft-mode cookie (see `config`). Draft pages render per
 * request, so each gets a fresh nonce: Next reads it from the request's Content-Security-Policy
 * and puts it on every script it renders. Public pages never come here; their policy travels
 * with the cached page (cache-handler.mjs).
 */
export function proxy(request: NextRequest) {
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
  ],
}
