import { absoluteUrl, authorHref, blogIndexHref, categoryHref, postHref, type Post } from '@journal/content'

/*
 * schema.org JSON-LD for article pages, as pure builders: the page passes in absolute image and
 * logo URLs, so nothing here reads configuration.
 */

export type JsonLdObject = { [key: string]: JsonLdValue }
export type JsonLdValue = string | number | boolean | null | JsonLdObject | JsonLdValue[]

/** The crumb before a category: the blog index's name. */
export const BLOG_CRUMB = 'Journal'

export interface ArticleStructuredDataInput {
  post: Pick<Post, 'title' | 'slug' | 'excerpt' | 'publishedAt' | 'updatedAt' | 'author' | 'categories' | 'seo'>
  /** the canonical origin, e.g. https://journal.example.com */
  origin: string
  /** the publisher: the site's name from settings */
  siteTitle: string
  /** absolute URLs of the article's images, widest crops first */
  images: string[]
  /** absolute URL of the publisher's logo */
  logoUrl: string
}

export function blogPostingJsonLd({ post, origin, siteTitle, images, logoUrl }: ArticleStructuredDataInput): JsonLdObject {
  const url = absoluteUrl(origin, postHref(post.slug))
  const description = post.seo.metaDescription ?? post.excerpt
  const publisher: JsonLdObject = {
    '@type': 'Organization',
    name: siteTitle,
    url: absoluteUrl(origin, blogIndexHref()),
    logo: { '@type': 'ImageObject', url: logoUrl },
  }
  return {
    '@type': 'BlogPosting',
    '@id': `${url}#article`,
    headline: post.title,
    ...(description ? { description } : {}),
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: post.publishedAt,
    dateModified: post.updatedAt ?? post.publishedAt,
    // an article without a (published) author is credited to the publisher, never left anonymous
    author: post.author ? { '@type': 'Person', name: post.author.name, url: absoluteUrl(origin, authorHref(post.author.slug)) } : publisher,
    publisher,
    ...(images.length > 0 ? { image: images } : {}),
    ...(post.categories[0] ? { articleSection: post.categories[0].title } : {}),
    ...(post.categories.length > 0 ? { keywords: post.categories.map((category) => category.title) } : {}),
    inLanguage: 'en',
  }
}

/** Journal → first category → the post. */
export function breadcrumbJsonLd({ post, origin }: Pick<ArticleStructuredDataInput, 'post' | 'origin'>): JsonLdObject {
  const crumbs: Array<{ name: string; url: string }> = [{ name: BLOG_CRUMB, url: absoluteUrl(origin, blogIndexHref()) }]
  const category = post.categories[0]
  if (category) crumbs.push({ name: category.title, url: absoluteUrl(origin, categoryHref(category.slug)) })
  crumbs.push({ name: post.title, url: absoluteUrl(origin, postHref(post.slug)) })
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  }
}

/** Both nodes in one document. */
export function articleJsonLd(input: ArticleStructuredDataInput): JsonLdObject {
  return { '@context': 'https://schema.org', '@graph': [blogPostingJsonLd(input), breadcrumbJsonLd(input)] }
}

/**
 * JSON for inside a <script> element. JSON.stringify leaves `<`, `>` and `&` as they are, so a
 * title containing `</script>` would end the element and let the rest run as HTML. Escaping them
 * (and the two line separators some parsers treat as newlines) as \uXXXX keeps the JSON identical
 * to a JSON parser while no character sequence can close the script.
 */
export function serializeJsonLd(data: JsonLdValue): string {
  return JSON.stringify(data)
    .replace(/</gu, '\\u003c')
    .replace(/>/gu, '\\u003e')
    .replace(/&/gu, '\\u0026')
    .replace(/\u2028/gu, '\\u2028')
    .replace(/\u2029/gu, '\\u2029')
}
