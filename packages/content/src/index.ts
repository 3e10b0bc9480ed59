export * from './queries.js'
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
export type { ImageData } from './schemas/image.js'
export type { BookingCta } from './schemas/cta.js'
export type { PostCard, CategoryLink } from './schemas/post-card.js'
export { SOCIAL_PLATFORMS, DEFAULT_SITE_TITLE } from './schemas/settings.js'
export type { SiteSettings, SocialLink, SocialPlatform } from './schemas/settings.js'
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
} from './schemas/body.js'
export { parseBody, plainText } from './schemas/body.js'
export { parsePostPage, parseRedirectSlug } from './schemas/post-page.js'
export type { Post, PostPage, PostLink, PostSeo } from './schemas/post-page.js'
export {
  PAGE_SIZE,
  pageBounds,
  pageCount,
  parsePostList,
  parseCategoryPage,
  parseAuthorPage,
  parseSlugList,
  parsePostSlugList,
} from './schemas/listing.js'
export type { PostList, Category, Author } from './schemas/listing.js'
export { parseSettings } from './schemas/settings-page.js'
export * from './cache-tags.js'
export * from './revalidation.js'
export { parseFeed } from './schemas/feed.js'
export type { Feed, FeedPost } from './schemas/feed.js'
export { parsePostOgCard } from './schemas/og-card.js'
export type { PostOgCard } from './schemas/og-card.js'
export {
  SITEMAP_URL_LIMIT,
  parseSitemapCounts,
  parseSitemapEntries,
  sitemapFileCount,
  sitemapSlice,
  sitemapUrlCount,
} from './schemas/sitemap.js'
export type { SitemapCounts, SitemapEntries, SitemapEntry, SitemapSlice } from './schemas/sitemap.js'
