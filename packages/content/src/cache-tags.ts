/**
 * Cache tags: every fetch names what it shows, and the revalidation webhook expires exactly those
 * names. Type tags cover documents shown on many pages (a CTA, an author's byline); slug tags
 * cover the one page a document owns.
 */
export const TAGS = {
  settings: 'settings',
  /** every page that lists posts: index pages, category and author pages, sitemap, feed */
  postList: 'post-list',
  /**
   * every article page: any post can appear on any other post's page (related-article fallback,
   * previous/next links, inline read-more cards), so a post change expires them all; they
   * re-render lazily, on their next visit
   */
  postPages: 'post-pages',
  post: (slug: string) => `post:${slug}`,
  category: (slug: string) => `category:${slug}`,
  author: (slug: string) => `author:${slug}`,
  /** pages that show some document of this type inside them (CTA, treatment links, bylines…) */
  type: (type: string) => `type:${type}`,
} as const

/** The tags of an article page: its own, and every type it embeds. */
export function postPageTags(slug: string): string[] {
  return [
    TAGS.post(slug),
    TAGS.postPages,
    TAGS.settings,
    TAGS.type('cta'),
    TAGS.type('treatment'),
    TAGS.type('author'),
    TAGS.type('category'),
  ]
}

export function listPageTags(...extra: string[]): string[] {
  return [TAGS.postList, TAGS.settings, TAGS.type('category'), TAGS.type('author'), ...extra]
}
