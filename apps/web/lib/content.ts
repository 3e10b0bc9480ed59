import 'server-only'

import { draftMode } from 'next/headers'
import { cache } from 'react'
import {
  AUTHOR_PAGE_QUERY,
  contentClock,
  LISTED_UNTIL_ALL,
  MOMENTS_QUERY,
  parseMoments,
  type ContentClock,
  AUTHOR_SLUGS_QUERY,
  CATEGORY_PAGE_QUERY,
  CATEGORY_SLUGS_QUERY,
  listPageTags,
  pageBounds,
  parseAuthorPage,
  parseCategoryPage,
  parsePostList,
  parsePostPage,
  parseRedirectSlug,
  parseSettings,
  parsePostSlugList,
  parseSlugList,
  POST_INDEX_QUERY,
  POST_PAGE_QUERY,
  POST_REDIRECT_QUERY,
  POST_SLUGS_QUERY,
  postPageTags,
  SETTINGS_QUERY,
  TAGS,
  type ContentIssue,
} from '@journal/content'

import { sanityFetch } from './sanity/fetch'

/*
 * The data layer pages call: one fetch, one parse, one shape per page. Components receive the
 * parsed types and never see raw Content Lake results. React's cache() lets generateMetadata and
 * the page share one request.
 */

export function logIssue(issue: ContentIssue): void {
  console.warn(`[content] ${issue.documentId ?? 'unknown document'} ${issue.path}: ${issue.message}`)
}

/**
 * Where the content stands now (moments.ts in @journal/content): which posts are live, and when the
 * page's answer stops being true (an offer starts or ends, a scheduled post goes live). Draft mode
 * lists scheduled posts too, and is never cached, so it has no moments. `draft: false` for
 * responses cached for everyone and callers without a request (build time, sitemaps, feeds).
 */
export async function fetchContentClock({ draft = true }: { draft?: boolean } = {}): Promise<ContentClock> {
  if (draft && (await draftMode()).isEnabled) return { now: new Date(), listedUntil: LISTED_UNTIL_ALL, staleAt: null, expiresAt: null }
  const raw = await sanityFetch({ query: MOMENTS_QUERY, tags: [TAGS.postList, TAGS.type('cta')], draft: false })
  return contentClock(parseMoments(raw))
}

export const getContentClock = cache(() => fetchContentClock())

/** Site settings; `draft: false` for responses cached for everyone (robots, sitemaps, feeds). */
export async function fetchSettings({ utmContent, draft = true }: { utmContent?: string; draft?: boolean } = {}) {
  const raw = await sanityFetch({
    query: SETTINGS_QUERY,
    tags: [TAGS.settings, TAGS.type('cta'), TAGS.type('treatment')],
    draft,
  })
  return parseSettings(raw, { onIssue: logIssue, ...(utmContent ? { utmContent } : {}) })
}

export const getSettings = cache((utmContent?: string) => fetchSettings(utmContent ? { utmContent } : {}))

export const getPostPage = cache(async (slug: string) => {
  const { listedUntil } = await getContentClock()
  const raw = await sanityFetch({ query: POST_PAGE_QUERY, params: { slug, listedUntil }, tags: postPageTags(slug) })
  return parsePostPage(raw, { onIssue: logIssue })
})

/** The current slug of a post that used to be at `slug`, if any. */
export const getRedirectSlug = cache(async (slug: string) => {
  const { listedUntil } = await getContentClock()
  const raw = await sanityFetch({ query: POST_REDIRECT_QUERY, params: { slug, listedUntil }, tags: [TAGS.postList] })
  return parseRedirectSlug(raw, slug)
})

export const getPostIndex = cache(async (page: number) => {
  const { listedUntil } = await getContentClock()
  const raw = await sanityFetch({ query: POST_INDEX_QUERY, params: { ...pageBounds(page), listedUntil }, tags: listPageTags() })
  return parsePostList(raw, { onIssue: logIssue })
})

export const getCategoryPage = cache(async (slug: string, page: number) => {
  const { listedUntil } = await getContentClock()
  const raw = await sanityFetch({
    query: CATEGORY_PAGE_QUERY,
    params: { slug, ...pageBounds(page), listedUntil },
    tags: listPageTags(TAGS.category(slug)),
  })
  return parseCategoryPage(raw, { onIssue: logIssue })
})

export const getAuthorPage = cache(async (slug: string, page: number) => {
  const { listedUntil } = await getContentClock()
  const raw = await sanityFetch({
    query: AUTHOR_PAGE_QUERY,
    params: { slug, ...pageBounds(page), listedUntil },
    tags: listPageTags(TAGS.author(slug)),
  })
  return parseAuthorPage(raw, { onIssue: logIssue })
})

/** Build-time lists: never drafts. */
export async function getNewestPostSlugs(limit: number): Promise<string[]> {
  const { listedUntil } = await fetchContentClock({ draft: false })
  return parsePostSlugList(await sanityFetch({ query: POST_SLUGS_QUERY, params: { limit, listedUntil }, tags: [TAGS.postList], draft: false }))
}

export async function getCategorySlugs(): Promise<string[]> {
  return parseSlugList(await sanityFetch({ query: CATEGORY_SLUGS_QUERY, tags: [TAGS.type('category')], draft: false }))
}

export async function getAuthorSlugs(): Promise<string[]> {
  return parseSlugList(await sanityFetch({ query: AUTHOR_SLUGS_QUERY, tags: [TAGS.type('author')], draft: false }))
}
