import { revalidateTag } from 'next/cache'
import { after, NextResponse } from 'next/server'
import { parseChangedDocument, TAGS, tagsForChange } from '@journal/content'

import { revalidateSecret, serverEnv } from '@/lib/env'
import { MAX_PROFILE_DURATIONS, shareRevalidation } from '@/lib/shared-tags'
import { verifyWebhook } from '@/lib/webhook'

/** Long enough for a page render that straddled the change to have finished (they take ~0.1–0.5 s). */
const SETTLE_MS = 1000

/**
 * Sanity's GROQ-powered webhook (or the local lake's) lands here on every publish, update and
 * delete. It marks the cache tags of every page that shows the changed document stale.
 *
 * Why 'max' (stale-while-revalidate) and not `{ expire: 0 }`: expiring drops the cached page, so
 * the next visit renders blocking, and if the Content Lake is down or failing at that moment the
 * visitor gets a 500 instead of the last good page. With 'max' the next visit still gets the
 * cached page while a background render fetches the new content; the visit after that gets it.
 * A background render that fails keeps the old page, logs, and is retried a few seconds later.
 * The cost: one visitor per page sees the previous version for a moment after a publish.
 */
export async function POST(request: Request) {
  const verdict = await verifyWebhook(request, revalidateSecret())
  if (!verdict.ok) return NextResponse.json({ message: verdict.message }, { status: verdict.status })

  const change = parseChangedDocument(verdict.body)
  if (!change) return NextResponse.json({ message: 'Body must include _id and _type' }, { status: 400 })

  // Sanity's API CDN can lag a moment behind a publish; the local lake cannot.
  if (serverEnv().source.mode === 'hosted') await new Promise((resolve) => setTimeout(resolve, 3000))

  const tags = tagsForChange(change)
  // A renamed post's old URL turns from an article into a redirect. Next 16 caches a redirect made
  // by a background render without its Location header, so that one page renders blocking.
  const renamedFrom = change.previousSlug && change.previousSlug !== change.slug ? TAGS.post(change.previousSlug) : null
  const stale = tags.filter((tag) => tag !== renamedFrom)
  const gone = tags.filter((tag) => tag === renamedFrom)
  // Several instances: every one of them must see this change, or the sender has to try again.
  const share = () => Promise.all([shareRevalidation(stale, MAX_PROFILE_DURATIONS), shareRevalidation(gone, { expire: 0 })])
  const expire = () => {
    for (const tag of stale) revalidateTag(tag, 'max')
    for (const tag of gone) revalidateTag(tag, { expire: 0 })
  }
  const shared = await share().then(
    () => null,
    (error: Error) => error,
  )
  expire()
  if (shared) {
    // This instance shows the change; the others get it when the shared cache takes it (the
    // instance retries as soon as Redis is back) or when the sender retries on this 503.
    console.error(`[revalidate] ${change._type} ${change._id}: could not share the tags with the other instances: ${shared.message}`)
    return NextResponse.json({ message: 'Applied on this instance only; the shared cache is unavailable, try again' }, { status: 503 })
  }
  // Next stamps a cached page when it is written, not when its content was read: a render that
  // began just before this change and ends after it would be kept as fresh, with the old content,
  // until the time-based safety net. Marking the same pages stale once more after such renders
  // have finished closes that gap (Next runs revalidations made in after() once it is done).
  after(async () => {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    await share().catch((error: Error) => console.error(`[revalidate] sharing the second expiry failed: ${error.message}`))
    expire()
  })
  console.log(`[revalidate] ${change._type} ${change._id}: ${tags.join(', ') || 'nothing to expire'}`)
  return NextResponse.json({ revalidated: tags, now: Date.now() })
}
