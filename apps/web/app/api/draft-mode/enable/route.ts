import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { defineEnableDraftMode } from 'next-sanity/draft-mode'

import { previewSecret, readToken, serverEnv } from '../../../../lib/env'
import { safeRedirectPath } from '../../../../lib/safe-redirect'
import { sanityClient } from '../../../../lib/sanity/client'
import { secretsMatch } from '../../../../lib/secrets'

/**
 * Turns on draft mode only for a verified secret. Hosted: the Presentation tool's short-lived
 * preview secret, validated against the Content Lake by @sanity/preview-url-secret. Embedded: a
 * configured SANITY_PREVIEW_SECRET, compared in constant time. Either way the redirect target is
 * a path on this site.
 */
export async function GET(request: Request): Promise<Response> {
  const token = readToken()
  if (serverEnv().source.mode === 'hosted') {
    if (!token) return new Response('Preview is not configured (SANITY_API_READ_TOKEN is unset)', { status: 401 })
    return defineEnableDraftMode({ client: sanityClient().withConfig({ token }) }).GET(request)
  }
  const url = new URL(request.url)
  const secret = url.searchParams.get('secret') ?? url.searchParams.get('sanity-preview-secret')
  const expected = previewSecret()
  if (!expected || !token) {
    return new Response('Preview is not configured (set SANITY_PREVIEW_SECRET and LOCAL_LAKE_TOKEN)', { status: 401 })
  }
  if (!secretsMatch(secret, expected)) return new Response('Invalid secret', { status: 401 })
  ;(await draftMode()).enable()
  redirect(safeRedirectPath(url.searchParams.get('redirect') ?? url.searchParams.get('sanity-preview-pathname')))
}
