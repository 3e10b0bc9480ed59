import 'server-only'

import { draftMode } from 'next/headers'
import { cache } from 'react'
import {
  contentClock,
  LISTED_UNTIL_ALL,
  momentsQuery,
  settingsQuery,
  type ContentClock,
  type ContentIssue,
  type ContentQuery,
} from '@journal/content'

import { sanityFetch } from './sanity/fetch'

/*
 * The one way pages, route handlers and metadata read content: `load(query, input)` over the
 * query definitions in @journal/content (content-queries.ts), each with its GROQ, parameters,
 * cache tags and parser. Components receive the parsed types and never see raw Content Lake
 * results. React's cache() makes each distinct load run once per render, so a route's
 * generateMetadata, its page and the layout share one request each.
 */

export function logIssue(issue: ContentIssue): void {
  console.warn(`[content] ${issue.documentId ?? 'unknown document'} ${issue.path}: ${issue.message}`)
}

export interface LoadOptions {
  /**
   * Published content only, even for an editor in draft mode: responses cached for everyone
   * (robots.txt, sitemaps, the not-found page) and callers without a request (build time).
   */
  published?: boolean
}

/** Whether a read shows drafts: draft mode is on, and neither the caller nor the query refuses them. */
async function readsDrafts(publishedOnly: boolean): Promise<boolean> {
  return publishedOnly ? false : (await draftMode()).isEnabled
}

/**
 * Where the content stands now (moments.ts in @journal/content): which posts are live, and when the
 * page's answer stops being true (an offer starts or ends, a scheduled post goes live). Draft mode
 * lists scheduled posts too, and is never cached, so it has no moments.
 */
const clock = cache(async (drafts: boolean): Promise<ContentClock> => {
  if (drafts) return { now: new Date(), listedUntil: LISTED_UNTIL_ALL, staleAt: null, expiresAt: null }
  const raw = await sanityFetch({ query: momentsQuery.query, tags: momentsQuery.tags(), perspective: 'published' })
  return contentClock(momentsQuery.parse(raw, {}))
})

/** The content clock of this render (the published one with `published`). */
export async function getContentClock(options: LoadOptions = {}): Promise<ContentClock> {
  return clock(await readsDrafts(options.published ?? false))
}

// cache() compares arguments by identity: the input goes in as its JSON, so equal inputs share a load.
const loadOnce = cache(async (query: ContentQuery<unknown, unknown>, inputJson: string, published: boolean): Promise<unknown> => {
  const input: unknown = inputJson === '' ? undefined : JSON.parse(inputJson)
  const drafts = await readsDrafts(published || (query.publishedOnly ?? false))
  const now = query.listed || query.staleAtMoments ? await clock(drafts) : null
  const [raw, settings] = await Promise.all([
    sanityFetch({
      query: query.query,
      params: { ...query.params(input), ...(query.listed && now ? { listedUntil: now.listedUntil } : {}) },
      tags: query.tags(input),
      perspective: drafts ? 'drafts' : 'published',
      staleAt: query.staleAtMoments ? now?.staleAt : undefined,
    }),
    query.withSettings ? load(settingsQuery, undefined, { published }) : undefined,
  ])
  return query.parse(raw, { onIssue: logIssue, ...(settings ? { settings } : {}) }, input)
})

/** One query's parsed result for `input`, read once per render. */
export function load<Input, Output>(query: ContentQuery<Input, Output>, input: Input, options: LoadOptions = {}): Promise<Output> {
  const inputJson = input === undefined ? '' : JSON.stringify(input)
  return loadOnce(query as ContentQuery<unknown, unknown>, inputJson, options.published ?? false) as Promise<Output>
}
