import 'server-only'

import type { Metadata } from 'next'
import {
  absoluteUrl,
  authorHref,
  feedHref,
  plainText,
  postHref,
  type Author,
  type ImageData,
  type PostPage,
  type SiteSettings,
} from '@journal/content'

import { imageUrl } from './sanity/image'
import { siteOrigin } from './site'
import { articleJsonLd, type JsonLdObject } from './structured-data'

/*
 * Page metadata: canonical URLs, Open Graph and Twitter cards. Every URL is absolute on the
 * canonical origin (siteOrigin: configuration or site settings, never the request's Host).
 *
 * Next replaces, rather than merges, `alternates`, `openGraph` and `twitter` from a parent
 * segment when a page sets them, so each builder returns them complete (including the feed link
 * and site name the root layout also sets).
 */

/** Open Graph's recommended card size: what the generated image and every crop use. */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const

const FEED_TYPE = 'application/rss+xml'

type ShareImage = { url: string; width: number; height: number; alt: string; type?: string }

/** The RSS feed as `alternates.types`: <link rel="alternate" type="application/rss+xml">. */
export function feedAlternate(settings: SiteSettings): NonNullable<NonNullable<Metadata['alternates']>['types']> {
  return { [FEED_TYPE]: [{ url: absoluteUrl(siteOrigin(settings), feedHref()), title: settings.title }] }
}

/** The canonical URL plus the RSS alternate, for `alternates`. */
export function pageAlternates(settings: SiteSettings, path: string): NonNullable<Metadata['alternates']> {
  return { canonical: absoluteUrl(siteOrigin(settings), path), types: feedAlternate(settings) }
}

/** An editor's image framed to the share-card size around its hotspot. */
function shareImage(image: ImageData, fallbackAlt: string): ShareImage {
  return { url: imageUrl(image, SHARE_IMAGE_SIZE), ...SHARE_IMAGE_SIZE, alt: image.alt || fallbackAlt }
}

/** The X handle from site settings' social links, for twitter:site. */
function xHandle(settings: SiteSettings): string | undefined {
  const handle = settings.socialLinks.find((link) => link.platform === 'x')?.handle
  if (!handle) return undefined
  return handle.startsWith('@') ? handle : `@${handle}`
}

interface ListingPage {
  settings: SiteSettings
  /** site-relative path of the page, e.g. /blog/category/recovery */
  path: string
  /** the page's own title; the root layout's template adds the site name to <title> */
  title: string
  description: string | null
}

/** Metadata for the blog index, category and author pages. */
export function listingMetadata({ settings, path, title, description }: ListingPage): Metadata {
  const url = absoluteUrl(siteOrigin(settings), path)
  const images = settings.ogImage ? [shareImage(settings.ogImage, settings.title)] : undefined
  const summary = description ?? settings.description ?? undefined
  const site = xHandle(settings)
  return {
    title,
    description: summary,
    alternates: pageAlternates(settings, path),
    openGraph: {
      type: 'website',
      url,
      title,
      ...(summary ? { description: summary } : {}),
      siteName: settings.title,
      ...(images ? { images } : {}),
    },
    twitter: {
      card: images ? 'summary_large_image' : 'summary',
      title,
      ...(summary ? { description: summary } : {}),
      ...(site ? { site } : {}),
      ...(images ? { images } : {}),
    },
  }
}

/**
 * The generated card at app/(site)/blog/[slug]/opengraph-image/route.tsx. The version parameter
 * changes when the post does, so networks that cache previews by URL fetch the new title.
 */
export function generatedShareImageUrl(origin: string, slug: string, updatedAt: string | null): string {
  const url = new URL(absoluteUrl(origin, `${postHref(slug)}/opengraph-image`))
  const version = updatedAt ? Date.parse(updatedAt) : Number.NaN
  if (Number.isFinite(version)) url.searchParams.set('v', version.toString(36))
  return url.toString()
}

/** The image a shared article shows: the editor's SEO image, else the generated title card. */
export function postShareImage({ post, settings }: PostPage): ShareImage {
  if (post.seo.ogImage) return shareImage(post.seo.ogImage, post.title)
  return {
    url: generatedShareImageUrl(siteOrigin(settings), post.slug, post.updatedAt),
    ...SHARE_IMAGE_SIZE,
    alt: post.title,
    type: 'image/png',
  }
}

/** Metadata for an article page. An editor's SEO fields always win over the defaults. */
export function postMetadata(page: PostPage): Metadata {
  const { post, settings } = page
  const origin = siteOrigin(settings)
  const title = post.seo.metaTitle ?? post.title
  const description = post.seo.metaDescription ?? post.excerpt ?? undefined
  const authorUrl = post.author ? absoluteUrl(origin, authorHref(post.author.slug)) : null
  const image = postShareImage(page)
  const site = xHandle(settings)
  return {
    title,
    description,
    alternates: pageAlternates(settings, postHref(post.slug)),
    ...(post.author && authorUrl ? { authors: [{ name: post.author.name, url: authorUrl }] } : {}),
    openGraph: {
      type: 'article',
      url: absoluteUrl(origin, postHref(post.slug)),
      title,
      ...(description ? { description } : {}),
      siteName: settings.title,
      publishedTime: post.publishedAt,
      modifiedTime: post.updatedAt ?? post.publishedAt,
      ...(authorUrl ? { authors: [authorUrl] } : {}),
      ...(post.categories[0] ? { section: post.categories[0].title } : {}),
      tags: post.categories.map((category) => category.title),
      images: [image],
    },
    twitter: {
      card: 'summary_large_image',
      title,
      ...(description ? { description } : {}),
      ...(site ? { site } : {}),
      images: [{ url: image.url, alt: image.alt }],
    },
    ...(post.seo.noIndex ? { robots: { index: false, follow: true } } : {}),
  }
}

/** The publisher logo: app/apple-icon.tsx, a 180×180 PNG. */
export function publisherLogoUrl(origin: string): string {
  return absoluteUrl(origin, '/apple-icon')
}

// Search engines pick among several aspect ratios of an article's image; each is 1200px wide.
const ARTICLE_IMAGE_FRAMES = [
  { width: 1200, height: 675 },
  { width: 1200, height: 900 },
  { width: 1200, height: 1200 },
] as const

/** JSON-LD for an article page: BlogPosting and its breadcrumb trail. */
export function articleStructuredData(page: PostPage): JsonLdObject {
  const { post, settings } = page
  const origin = siteOrigin(settings)
  const hero = post.mainImage
  return articleJsonLd({
    post,
    origin,
    siteTitle: settings.title,
    images: hero ? ARTICLE_IMAGE_FRAMES.map((frame) => imageUrl(hero, frame)) : [postShareImage(page).url],
    logoUrl: publisherLogoUrl(origin),
  })
}

/** An author page's description: the first paragraph of the bio, else who they are. */
export function authorDescription(author: Pick<Author, 'name' | 'role' | 'bio'>): string {
  const first = author.bio[0]
  const bio = first ? plainText(first).trim() : ''
  if (bio) return bio.length <= 160 ? bio : `${bio.slice(0, 159).replace(/\s+\S*$/u, '')}…`
  return `Articles by ${author.name}${author.role ? `, ${author.role}` : ''}.`
}
