import { defineQuery } from 'groq'

/*
 * Moments written in the content: when an offer starts or ends, when a scheduled post goes live.
 * A page that shows time-dependent content stops being served from any cache at the next such
 * moment, so time takes effect without a publish, a cron job or a webhook. Two kinds:
 *
 * - an offer's end is a hard moment: a page rendered before it must not be served after it (an
 *   expired code is never shown), so it is re-rendered before the next answer. Offers are decided
 *   when the page renders, from data it already has, so that needs no trip to the content source;
 * - a post going live or an offer starting is a soft moment: the page is stale from then on and is
 *   rendered anew in the background, as after a publish, so the source being down costs nothing
 *   worse than the last good page.
 */

/** Moments still ahead when the query ran (GROQ's now()); the ones that pass are filtered at render. */
export const MOMENTS_QUERY = defineQuery(`{
  "posts": *[_type == "post" && defined(slug.current) && dateTime(publishedAt) > dateTime(now())].publishedAt,
  "offers": *[_type == "cta" && defined(offer)]{"startsAt": offer.startsAt, "endsAt": offer.endsAt}
}`)

/**
 * `$listedUntil` when nothing is scheduled: every post with a publication date is listed. Also
 * what draft mode passes, where scheduled posts are shown (with a note) to editors.
 */
export const LISTED_UNTIL_ALL = '9999-12-31T23:59:59.999Z'

export interface Moments {
  /** When scheduled posts go live (epoch ms), those still ahead when the list was fetched. */
  posts: number[]
  offerStarts: number[]
  offerEnds: number[]
}

export interface ContentClock {
  now: Date
  /**
   * The `$listedUntil` parameter of every query that lists posts: a post is shown when its
   * publishedAt is at or before it. It is one millisecond before the next scheduled post goes
   * live, so it stays the same (and so do the queries' cache keys) until that moment, and then
   * changes, which makes the next render fetch lists that include the post.
   */
  listedUntil: string
  /** The next soft moment (a post going live, an offer starting), or null. */
  staleAt: Date | null
  /** The next hard moment (an offer ending), or null. */
  expiresAt: Date | null
}

function times(values: unknown): number[] {
  if (!Array.isArray(values)) return []
  return values.flatMap((value) => {
    const time = typeof value === 'string' ? Date.parse(value) : Number.NaN
    return Number.isNaN(time) ? [] : [time]
  })
}

/** The moments a MOMENTS_QUERY result holds; anything unreadable is left out. */
export function parseMoments(raw: unknown): Moments {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const offers = Array.isArray(record.offers) ? record.offers : []
  const field = (name: 'startsAt' | 'endsAt') =>
    times(offers.map((offer) => (typeof offer === 'object' && offer !== null ? (offer as Record<string, unknown>)[name] : null)))
  return { posts: times(record.posts), offerStarts: field('startsAt'), offerEnds: field('endsAt') }
}

function earliestAfter(values: number[], now: number): number | null {
  let earliest: number | null = null
  for (const value of values) if (value > now && (earliest === null || value < earliest)) earliest = value
  return earliest
}

/** Where the content stands at `now`: what to list, and when the page's answer stops being true. */
export function contentClock(moments: Moments, now: Date = new Date()): ContentClock {
  const time = now.getTime()
  const nextPost = earliestAfter(moments.posts, time)
  const nextStart = earliestAfter(moments.offerStarts, time)
  const nextEnd = earliestAfter(moments.offerEnds, time)
  const soft = [nextPost, nextStart].filter((value): value is number => value !== null)
  return {
    now,
    listedUntil: nextPost === null ? LISTED_UNTIL_ALL : new Date(nextPost - 1).toISOString(),
    staleAt: soft.length > 0 ? new Date(Math.min(...soft)) : null,
    // An offer is live up to and including its end (offerIsLive), so it is gone a millisecond later.
    expiresAt: nextEnd === null ? null : new Date(nextEnd + 1),
  }
}

/**
 * How a page carries its moments to the cache (a `<meta>` in pages, a header on route handlers):
 * `stale=<ISO>; expires=<ISO>`, either part left out when there is none. apps/web/cache-handler.mjs
 * reads it back with parseMomentsHeader.
 */
export const MOMENTS_HEADER = 'x-content-moments'

export function formatMomentsHeader(clock: Pick<ContentClock, 'staleAt' | 'expiresAt'>): string | null {
  const parts = [
    ...(clock.staleAt ? [`stale=${clock.staleAt.toISOString()}`] : []),
    ...(clock.expiresAt ? [`expires=${clock.expiresAt.toISOString()}`] : []),
  ]
  return parts.length > 0 ? parts.join('; ') : null
}
