import 'server-only'

import { cache } from 'react'
import {
  AUTHOR_PAGE_QUERY,
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
  const raw = await sanityFetch({ query: POST_PAGE_QUERY, params: { slug }, tags: postPageTags(slug) })
  return parsePostPage(raw, { onIssue: logIssue })
})

/** The current slug of a post that used to be at `slug`, if any. */
export const getRedirectSlug = cache(async (slug: string) => {
  const raw = await sanityFetch({ query: POST_REDIRECT_QUERY, params: { slug }, tags: [TAGS.postList] })
  return parseRedirectSlug(raw, slug)
})

export const getPostIndex = cache(async (page: number) => {
  const raw = await sanityFetch({ query: POST_INDEX_QUERY, params: pageBounds(page), tags: listPageTags() })
  return parsePostList(raw, { onIssue: logIssue })
})

export const getCategoryPage = cache(async (slug: string, page: number) => {
  const raw = await sanityFetch({
    query: CATEGORY_PAGE_QUERY,
    params: { slug, ...pageBounds(page) },
    tags: listPageTags(TAGS.category(slug)),
  })
  return parseCategoryPage(raw, { onIssue: logIssue })
})

export const getAuthorPage = cache(async (slug: string, page: number) => {
  const raw = await sanityFetch({
    query: AUTHOR_PAGE_QUERY,
    params: { slug, ...pageBounds(page) },
    tags: listPageTags(TAGS.author(slug)),
  })
  return parseAuthorPage(raw, { onIssue: logIssue })
})

/** Build-time lists: never drafts. */
export async function getNewestPostSlugs(limit: number): Promise<string[]> {
  return parsePostSlugList(await sanityFetch({ query: POST_SLUGS_QUERY, params: { limit }, tags: [TAGS.postList], draft: false }))
}

export async function getCategorySlugs(): Promise<string[]> {
  return parseSlugList(await sanityFetch({ query: CATEGORY_SLUGS_QUERY, tags: [TAGS.type('category')], draft: false }))
}

export async function getAuthorSlugs(): Promise<string[]> {
  return parseSlugList(await sanityFetch({ query: AUTHOR_SLUGS_QUERY, tags: [TAGS.type('author')], draft: false }))
}
