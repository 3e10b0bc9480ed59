export * from './queries'
export * from './reading-time'
export * from './dates'
export * from './urls'
export * from './hrefs'
export * from './offers'
export * from './moments'
export * from './headings'
export * from './related'
export { nextPreviousSlugs } from './previous-slugs'
export type { ContentIssue, IssueReporter, ParseOptions } from './issues'
export type { ImageData } from './schemas/image'
export type { BookingCta } from './schemas/cta'
export type { PostCard, CategoryLink } from './schemas/post-card'
export { SOCIAL_PLATFORMS, DEFAULT_SITE_TITLE } from './schemas/settings'
export type { SiteSettings, SocialLink, SocialPlatform } from './schemas/settings'
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
} from './schemas/body'
export { parseBody, plainText } from './schemas/body'
export { parsePostPage, parseRedirectSlug } from './schemas/post-page'
export type { Post, PostPage, PostLink, PostSeo } from './schemas/post-page'
export {
  PAGE_SIZE,
  pageBounds,
  pageCount,
  parsePostList,
  parseCategoryPage,
  parseAuthorPage,
  parseSlugList,
  parsePostSlugList,
} from './schemas/listing'
export type { PostList, Category, Author } from './schemas/listing'
export { parseSettings } from './schemas/settings-page'
export * from './cache-tags'
export * from './revalidation'
export { parseFeed } from './schemas/feed'
export type { Feed, FeedPost } from './schemas/feed'
export { parsePostOgCard } from './schemas/og-card'
export type { PostOgCard } from './schemas/og-card'
export {
  SITEMAP_URL_LIMIT,
  parseSitemapCounts,
  parseSitemapEntries,
  sitemapFileCount,
  sitemapSlice,
  sitemapUrlCount,
} from './schemas/sitemap'
export type { SitemapCounts, SitemapEntries, SitemapEntry, SitemapSlice } from './schemas/sitemap'
