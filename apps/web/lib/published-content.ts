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

import { fetchSettings, logIssue } from './content'
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

export const getSitemapCounts = cache(async () =>
  parseSitemapCounts(await sanityFetch({ query: SITEMAP_COUNTS_QUERY, tags: SITEMAP_TAGS, draft: false })),
)

export async function getSitemapEntries(slice: SitemapSlice) {
  return parseSitemapEntries(
    await sanityFetch({ query: SITEMAP_ENTRIES_QUERY, params: slice.params, tags: SITEMAP_TAGS, draft: false }),
  )
}

export async function getFeed() {
  const raw = await sanityFetch({
    query: FEED_QUERY,
    params: { limit: FEED_SIZE },
    // bodies embed CTAs, treatment links, categories and bylines, like an article page
    tags: [TAGS.postList, TAGS.postPages, TAGS.settings, TAGS.type('cta'), TAGS.type('treatment'), TAGS.type('category'), TAGS.type('author')],
    draft: false,
  })
  return parseFeed(raw, { onIssue: logIssue })
}

export async function getPostOgCard(slug: string) {
  const raw = await sanityFetch({
    query: POST_OG_QUERY,
    params: { slug },
    tags: [TAGS.post(slug), TAGS.settings, TAGS.type('category')],
    draft: false,
  })
  return parsePostOgCard(raw)
}
