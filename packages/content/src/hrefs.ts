/**
 * The one place that turns content into site URLs. Every link, card, sitemap entry, feed item and
 * Presentation location goes through these, so a route rename is a one-line change.
 */
export const BLOG_PATH = '/blog'

/**
 * Segments under /blog that belong to other routes, so no post may use them as its slug: a post
 * at /blog/feed.xml would be the feed (and `next build` stops on the clash). Studio refuses them;
 * the site drops a post that has one anyway (parse/primitives.ts, isPostSlug).
 */
export const RESERVED_POST_SLUGS: readonly string[] = ['page', 'category', 'author', 'feed', 'feed.xml']

/** Page `page` of a listing at `base`: page 1 is the listing's own address. */
function pageOf(base: string, page: number): string {
  return page <= 1 ? base : `${base}/page/${page}`
}

export function blogIndexHref(page = 1): string {
  return pageOf(BLOG_PATH, page)
}

export function postHref(slug: string): string {
  return `${BLOG_PATH}/${encodeURIComponent(slug)}`
}

export function categoryHref(slug: string, page = 1): string {
  return pageOf(`${BLOG_PATH}/category/${encodeURIComponent(slug)}`, page)
}

export function authorHref(slug: string, page = 1): string {
  return pageOf(`${BLOG_PATH}/author/${encodeURIComponent(slug)}`, page)
}

export function feedHref(): string {
  return `${BLOG_PATH}/feed.xml`
}

/**
 * The same routes as patterns (`:slug`, `:page`), for code that matches URLs rather than builds
 * them: the Studio's Presentation tool finds the document a previewed page is about with these.
 */
export const ROUTE_PATTERNS = {
  blogIndex: [BLOG_PATH, `${BLOG_PATH}/page/:page`],
  post: `${BLOG_PATH}/:slug`,
  category: `${BLOG_PATH}/category/:slug`,
  author: `${BLOG_PATH}/author/:slug`,
} as const

export interface UtmParams {
  /** utm_campaign: the CTA's campaign, when it has one */
  campaign?: string | null
  /** utm_content: where on the site the click came from (the post's slug) */
  content?: string | null
  /** utm_medium: defaults to "blog" */
  medium?: string
  /** utm_source: defaults to "journal" */
  source?: string
}

/**
 * Adds UTM parameters to an outbound booking URL. Parameters the editor already put on the URL
 * are kept; ours fill in the rest.
 */
export function withUtm(url: string, utm: UtmParams): string {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return url
  }
  const set = (key: string, value: string | null | undefined) => {
    if (value && !target.searchParams.has(key)) target.searchParams.set(key, value)
  }
  set('utm_source', utm.source ?? 'journal')
  set('utm_medium', utm.medium ?? 'blog')
  set('utm_campaign', utm.campaign)
  set('utm_content', utm.content)
  return target.toString()
}

/** An absolute URL on the canonical origin. */
export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, `${origin.replace(/\/+$/u, '')}/`).toString()
}
