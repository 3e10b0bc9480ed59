import { validatePreviewUrl } from '@sanity/preview-url-secret'
import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { previewSecret, readToken } from '@/lib/env'
import { safeRedirectPath } from '@/lib/safe-redirect'
import { sanityClient } from '@/lib/sanity/client'
import { secretsMatch } from '@/lib/secrets'

/**
 * Turns on draft mode only for a verified secret, then redirects to a path on this site.
 *
 * - The Studio's Presentation tool (either mode) sends `sanity-preview-secret`: a short-lived
 *   secret it has just written to the Content Lake, which @sanity/preview-url-secret looks up
 *   there with the read token (the hosted project's, or the local lake's: the secret documents
 *   live in whichever lake is configured). An unknown or expired one is a 401.
 * - People without the Studio use `secret`: SANITY_PREVIEW_SECRET when one is configured,
 *   compared in constant time.
 */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const token = readToken()
  if (url.searchParams.has('sanity-preview-secret')) {
    if (!token) return new Response('Preview is not configured (no read token for the Content Lake)', { status: 401 })
    const { isValid, redirectTo } = await validatePreviewUrl(sanityClient().withConfig({ token }), request.url)
    if (!isValid) return new Response('Invalid secret', { status: 401 })
    ;(await draftMode()).enable()
    redirect(safeRedirectPath(redirectTo ?? null))
  }
  const expected = previewSecret()
  if (!expected || !token) {
    return new Response('Preview is not configured (set SANITY_PREVIEW_SECRET and a read token)', { status: 401 })
  }
  if (!secretsMatch(url.searchParams.get('secret'), expected)) return new Response('Invalid secret', { status: 401 })
  ;(await draftMode()).enable()
  redirect(safeRedirectPath(url.searchParams.get('redirect')))
}
