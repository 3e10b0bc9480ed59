export * from './queries.js'
export * from './content-queries.js'
export * from './reading-time.js'
export * from './dates.js'
export * from './urls.js'
export * from './hrefs.js'
export * from './offers.js'
export * from './moments.js'
export * from './headings.js'
export * from './related.js'
export { nextPreviousSlugs, previousSlugsOnPublish, slugOf } from './previous-slugs.js'
export type { ContentIssue, IssueReporter, ParseOptions } from './issues.js'
export type { ImageData } from './parse/image.js'
export type { BookingCta } from './parse/cta.js'
export type { PostCard, CategoryLink } from './parse/post-card.js'
export { SOCIAL_PLATFORMS, DEFAULT_SITE_TITLE } from './parse/settings.js'
export type { SiteSettings, SocialLink, SocialPlatform } from './parse/settings.js'
export type {
  BodyBlock,
  TextBlock,
  Span,
  MarkDef,
  LinkMark,
  InternalLinkMark,
  FigureBlock,
  CtaBlock,
  PullQuoteBlock,
  RelatedArticleBlock,
  BlockStyle,
} from './parse/body.js'
export { parseBody, plainText } from './parse/body.js'
export { parsePostPage, parseRedirectSlug } from './parse/post-page.js'
export type { Post, PostPage, PostLink, PostSeo } from './parse/post-page.js'
export {
  PAGE_SIZE,
  pageBounds,
  pageCount,
  parsePostList,
  parseCategoryPage,
  parseAuthorPage,
  parseSlugList,
  parsePostSlugList,
} from './parse/listing.js'
export type { PostList, Category, Author } from './parse/listing.js'
export { parseSettings } from './parse/settings.js'
export * from './cache-tags.js'
export * from './revalidation.js'
export { parseFeed } from './parse/feed.js'
export type { Feed, FeedPost } from './parse/feed.js'
export { parsePostOgCard } from './parse/og-card.js'
export type { PostOgCard } from './parse/og-card.js'
export {
  SITEMAP_URL_LIMIT,
  parseSitemapCounts,
  parseSitemapEntries,
  sitemapFileCount,
  sitemapSlice,
  sitemapUrlCount,
} from './parse/sitemap.js'
export type { SitemapCounts, SitemapEntries, SitemapEntry, SitemapSlice } from './parse/sitemap.js'
