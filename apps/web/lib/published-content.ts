import 'server-only'

import { cache } from 'react'
import {
  FEED_QUERY,
  parseFeed,
  parsePostOgCard,
  parseSitemapCounts,
  parseSitemapEntries,
  POST_OG_QUERY,
  SITEMAP_COUNTS_QUERY,
  SITEMAP_ENTRIES_QUERY,
  TAGS,
  type SitemapSlice,
} from '@journal/content'

import { fetchContentClock, fetchSettings, logIssue } from './content'
import { sanityFetch } from './sanity/fetch'

/*
 * Published-only reads for what crawlers, feed readers and link previews fetch: sitemaps,
 * robots.txt, the RSS feed and Open Graph images. Their responses are cached for everyone, so
 * they never show drafts (draft: false) even when the requester has a draft-mode cookie, and every
 * fetch carries the tags the revalidation webhook expires.
 */

/** How many of the newest posts the RSS feed carries. */
export const FEED_SIZE = 20

export const getPublishedSettings = cache(() => fetchSettings({ draft: false }))

const SITEMAP_TAGS = [TAGS.postList, TAGS.type('category'), TAGS.type('author')]

/** The moments of published content (see fetchContentClock), once per response. */
export const getPublishedClock = cache(() => fetchContentClock({ draft: false }))

// Sitemaps are Next metadata routes, which cannot pass their moments to the cache in a header,
// so their fetches go stale when the next scheduled post goes live (staleAt).
export const getSitemapCounts = cache(async () => {
  const { listedUntil, staleAt } = await getPublishedClock()
  return parseSitemapCounts(await sanityFetch({ query: SITEMAP_COUNTS_QUERY, params: { listedUntil }, tags: SITEMAP_TAGS, draft: false, staleAt }))
})

export async function getSitemapEntries(slice: SitemapSlice) {
  const { listedUntil, staleAt } = await getPublishedClock()
  return parseSitemapEntries(
    await sanityFetch({ query: SITEMAP_ENTRIES_QUERY, params: { ...slice.params, listedUntil }, tags: SITEMAP_TAGS, draft: false, staleAt }),
  )
}

export async function getFeed() {
  const { listedUntil } = await getPublishedClock()
  const raw = await sanityFetch({
    query: FEED_QUERY,
    params: { limit: FEED_SIZE, listedUntil },
    // bodies embed CTAs, treatment links, categories and bylines, like an article page
    tags: [TAGS.postList, TAGS.postPages, TAGS.settings, TAGS.type('cta'), TAGS.type('treatment'), TAGS.type('category'), TAGS.type('author')],
    draft: false,
  })
  return parseFeed(raw, { onIssue: logIssue })
}

export async function getPostOgCard(slug: string) {
  const { listedUntil } = await getPublishedClock()
  const raw = await sanityFetch({
    query: POST_OG_QUERY,
    params: { slug, listedUntil },
    tags: [TAGS.post(slug), TAGS.settings, TAGS.type('category')],
    draft: false,
  })
  return parsePostOgCard(raw)
}
