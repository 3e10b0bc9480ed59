import { listPageTags, postPageTags, TAGS } from './cache-tags.js'
import type { ParseOptions } from './issues.js'
import { MOMENTS_QUERY, parseMoments, type Moments } from './moments.js'
import { parseFeed, type Feed } from './parse/feed.js'
import {
  pageBounds,
  parseAuthorPage,
  parseCategoryPage,
  parsePostList,
  parsePostSlugList,
  parseSlugList,
  type Author,
  type Category,
  type PostList,
} from './parse/listing.js'
import { parsePostOgCard, type PostOgCard } from './parse/og-card.js'
import { parsePostPage, parseRedirectSlug, type PostPage } from './parse/post-page.js'
import { parseSettings, type SiteSettings } from './parse/settings.js'
import { parseSitemapCounts, parseSitemapEntries, type SitemapCounts, type SitemapEntries, type SitemapSlice } from './parse/sitemap.js'
import {
  AUTHOR_PAGE_QUERY,
  AUTHOR_SLUGS_QUERY,
  CATEGORY_PAGE_QUERY,
  CATEGORY_SLUGS_QUERY,
  FEED_QUERY,
  POST_INDEX_QUERY,
  POST_OG_QUERY,
  POST_PAGE_QUERY,
  POST_REDIRECT_QUERY,
  POST_SLUGS_QUERY,
  SETTINGS_QUERY,
  SITEMAP_COUNTS_QUERY,
  SITEMAP_ENTRIES_QUERY,
} from './queries.js'

/*
 * Each query the site runs, with everything that belongs to it in one place: its parameters, the
 * cache tags the revalidation webhook expires it by, and the parser that turns its result into
 * the type pages use. The site runs them through one loader (apps/web/lib/content.ts); the
 * benchmarks and tests read the same definitions.
 */

export type QueryParamValue = string | number | boolean | null | string[]
export type QueryParams = Record<string, QueryParamValue>

/** What a parser may need besides the result. */
export interface LoadContext extends ParseOptions {
  /** The site settings of this render: only for queries with `withSettings`. */
  settings?: SiteSettings
}

export interface ContentQuery<Input, Output> {
  /** For logs and tests. */
  name: string
  query: string
  /** The query's parameters, except `$listedUntil`, which the loader adds for `listed` queries. */
  params: (input: Input) => QueryParams
  /** The cache tags that expire this result when content changes (see revalidation.ts). */
  tags: (input: Input) => string[]
  /**
   * Lists posts, so it takes the content clock's `$listedUntil` (moments.ts): only posts live at
   * that moment are listed, and the result's cache key changes when a scheduled post goes live.
   */
  listed: boolean
  /**
   * Never shows drafts, even to an editor in draft mode: what crawlers, feed readers and link
   * previews fetch, cached for everyone.
   */
  publishedOnly?: boolean
  /**
   * Goes stale at the content's next soft moment although nothing was published: for responses
   * that cannot name their moments to the cache themselves (sitemaps are Next metadata routes).
   */
  staleAtMoments?: boolean
  /** Parsed with the render's site settings (`LoadContext.settings`). */
  withSettings?: boolean
  parse: (raw: unknown, context: LoadContext, input: Input) => Output
}

function contentQuery<Input, Output>(definition: ContentQuery<Input, Output>): ContentQuery<Input, Output> {
  return definition
}

const none = (): QueryParams => ({})

export const settingsQuery = contentQuery<void, SiteSettings>({
  name: 'settings',
  query: SETTINGS_QUERY,
  params: none,
  tags: () => [TAGS.settings, TAGS.type('cta'), TAGS.type('treatment')],
  listed: false,
  parse: (raw, context) => parseSettings(raw, context),
})

/** Moments written in the content (moments.ts): what the content clock is made of. */
export const momentsQuery = contentQuery<void, Moments>({
  name: 'moments',
  query: MOMENTS_QUERY,
  params: none,
  tags: () => [TAGS.postList, TAGS.type('cta')],
  listed: false,
  // The clock of published content: draft mode lists everything and has no moments.
  publishedOnly: true,
  parse: (raw) => parseMoments(raw),
})

export const postPageQuery = contentQuery<{ slug: string }, PostPage | null>({
  name: 'post page',
  query: POST_PAGE_QUERY,
  params: ({ slug }) => ({ slug }),
  tags: ({ slug }) => postPageTags(slug),
  listed: true,
  withSettings: true,
  parse: (raw, { settings, ...options }) => {
    if (!settings) throw new Error('the post page is parsed with the site settings')
    return parsePostPage(raw, { ...options, settings })
  },
})

/** The current slug of a post that used to be at `slug`, if any. */
export const postRedirectQuery = contentQuery<{ slug: string }, string | null>({
  name: 'post redirect',
  query: POST_REDIRECT_QUERY,
  params: ({ slug }) => ({ slug }),
  tags: () => [TAGS.postList],
  listed: true,
  parse: (raw, _context, { slug }) => parseRedirectSlug(raw, slug),
})

export const postIndexQuery = contentQuery<{ page: number }, PostList>({
  name: 'post index',
  query: POST_INDEX_QUERY,
  params: ({ page }) => pageBounds(page),
  tags: () => listPageTags(),
  listed: true,
  parse: (raw, context) => parsePostList(raw, context),
})

export const categoryPageQuery = contentQuery<{ slug: string; page: number }, (PostList & { category: Category }) | null>({
  name: 'category page',
  query: CATEGORY_PAGE_QUERY,
  params: ({ slug, page }) => ({ slug, ...pageBounds(page) }),
  tags: ({ slug }) => listPageTags(TAGS.category(slug)),
  listed: true,
  parse: (raw, context) => parseCategoryPage(raw, context),
})

export const authorPageQuery = contentQuery<{ slug: string; page: number }, (PostList & { author: Author }) | null>({
  name: 'author page',
  query: AUTHOR_PAGE_QUERY,
  params: ({ slug, page }) => ({ slug, ...pageBounds(page) }),
  tags: ({ slug }) => listPageTags(TAGS.author(slug)),
  listed: true,
  parse: (raw, context) => parseAuthorPage(raw, context),
})

/** The newest posts' slugs: the articles prerendered at build time. */
export const postSlugsQuery = contentQuery<{ limit: number }, string[]>({
  name: 'post slugs',
  query: POST_SLUGS_QUERY,
  params: ({ limit }) => ({ limit }),
  tags: () => [TAGS.postList],
  listed: true,
  publishedOnly: true,
  parse: (raw) => parsePostSlugList(raw),
})

/** The slugs of every category or author: their listing pages prerendered at build time. */
function slugsQuery(type: 'category' | 'author', query: string): ContentQuery<void, string[]> {
  return contentQuery<void, string[]>({
    name: `${type} slugs`,
    query,
    params: none,
    tags: () => [TAGS.type(type)],
    listed: false,
    publishedOnly: true,
    parse: (raw) => parseSlugList(raw),
  })
}

export const categorySlugsQuery = slugsQuery('category', CATEGORY_SLUGS_QUERY)
export const authorSlugsQuery = slugsQuery('author', AUTHOR_SLUGS_QUERY)

const SITEMAP_TAGS = [TAGS.postList, TAGS.type('category'), TAGS.type('author')]

export const sitemapCountsQuery = contentQuery<void, SitemapCounts>({
  name: 'sitemap counts',
  query: SITEMAP_COUNTS_QUERY,
  params: none,
  tags: () => SITEMAP_TAGS,
  listed: true,
  publishedOnly: true,
  staleAtMoments: true,
  parse: (raw) => parseSitemapCounts(raw),
})

export const sitemapEntriesQuery = contentQuery<SitemapSlice, SitemapEntries>({
  name: 'sitemap entries',
  query: SITEMAP_ENTRIES_QUERY,
  params: (slice) => slice.params,
  tags: () => SITEMAP_TAGS,
  listed: true,
  publishedOnly: true,
  staleAtMoments: true,
  parse: (raw) => parseSitemapEntries(raw),
})

/** How many of the newest posts the RSS feed carries. */
export const FEED_SIZE = 20

export const feedQuery = contentQuery<void, Feed>({
  name: 'feed',
  query: FEED_QUERY,
  params: () => ({ limit: FEED_SIZE }),
  // bodies embed CTAs, treatment links, categories and bylines, like an article page
  tags: () => [
    TAGS.postList,
    TAGS.postPages,
    TAGS.settings,
    TAGS.type('cta'),
    TAGS.type('treatment'),
    TAGS.type('category'),
    TAGS.type('author'),
  ],
  listed: true,
  publishedOnly: true,
  parse: (raw, context) => parseFeed(raw, context),
})

export const postOgQuery = contentQuery<{ slug: string }, PostOgCard | null>({
  name: 'post Open Graph card',
  query: POST_OG_QUERY,
  params: ({ slug }) => ({ slug }),
  tags: ({ slug }) => [TAGS.post(slug), TAGS.settings, TAGS.type('category')],
  listed: true,
  publishedOnly: true,
  parse: (raw) => parsePostOgCard(raw),
})

/** Every query definition, for tests and benchmarks that cover them all. */
export const CONTENT_QUERIES = [
  settingsQuery,
  momentsQuery,
  postPageQuery,
  postRedirectQuery,
  postIndexQuery,
  categoryPageQuery,
  authorPageQuery,
  postSlugsQuery,
  categorySlugsQuery,
  authorSlugsQuery,
  sitemapCountsQuery,
  sitemapEntriesQuery,
  feedQuery,
  postOgQuery,
] as const
