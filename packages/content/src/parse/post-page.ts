import { z } from 'zod'

import type { TocEntry } from '../headings.js'
import { withUtm } from '../hrefs.js'
import type { ParseOptions } from '../issues.js'
import { readingTimeMinutes } from '../reading-time.js'
import { selectRelatedPosts } from '../related.js'
import { parseBody, type BodyBlock } from './body.js'
import { parseBookingCta, type BookingCta } from './cta.js'
import { parseImage, type ImageData } from './image.js'
import { parseCategories, parsePostCards, postHead, postHeadShape, type CategoryLink, type PostCard, type PostHead } from './post-card.js'
import {
  isPostSlug,
  optionalBoolean,
  optionalText,
  parseOrReport,
  postSlugText,
  requiredText,
  slugText,
  type ParseContext,
} from './primitives.js'
import type { Fields, RawPerson, RawPost, RawPostLink, RawSeo } from './raw.js'
import type { SiteSettings } from './settings.js'

export interface PostLink {
  title: string
  slug: string
}

export interface PostSeo {
  metaTitle: string | null
  metaDescription: string | null
  noIndex: boolean
  ogImage: ImageData | null
}

export interface Post extends PostHead {
  /** `id`: the author document, for click-to-edit in draft mode */
  author: { id: string | null; name: string; slug: string; role: string | null; image: ImageData | null } | null
  reviewedBy: { name: string; slug: string; role: string | null } | null
  categories: CategoryLink[]
  body: BodyBlock[]
  headings: TocEntry[]
  readingMinutes: number
  relatedPosts: PostCard[]
  /** the post's own CTA, else the site default; null when neither can be shown */
  cta: BookingCta | null
  seo: PostSeo
  previous: PostLink | null
  next: PostLink | null
}

export interface PostPage {
  post: Post
  settings: SiteSettings
}

// The author projects _id and image, the reviewer neither; both are read with this one shape.
const personShape = z.object({
  _id: optionalText,
  name: requiredText,
  slug: slugText,
  role: optionalText,
  image: z.unknown().optional(),
} satisfies Fields<RawPerson>)
const postLinkShape = z.object({ title: requiredText, slug: postSlugText } satisfies Fields<RawPostLink>)
const seoShape = z
  .object({
    metaTitle: optionalText,
    metaDescription: optionalText,
    noIndex: optionalBoolean,
    ogImage: z.unknown(),
  } satisfies Fields<RawSeo>)
  .nullish()
  .catch(null)

const postShape = z.object({
  ...postHeadShape,
  author: z.unknown(),
  reviewedBy: z.unknown(),
  categories: z.unknown(),
  body: z.unknown(),
  wordCount: z.number().nullish().catch(null),
  relatedPosts: z.unknown(),
  categoryPosts: z.unknown(),
  cta: z.unknown(),
  seo: seoShape,
  previous: z.unknown(),
  next: z.unknown(),
} satisfies Fields<RawPost>)

function parseOptional<S extends z.ZodType>(schema: S, raw: unknown, context: ParseContext, path: string) {
  return raw === null || raw === undefined ? null : parseOrReport(schema, raw, context, path)
}

/**
 * The site's default CTA as this article shows it: its booking link says which article it was
 * clicked on (utm_content), unless the editor's URL already names one.
 */
function defaultCtaFor(settings: SiteSettings, slug: string): BookingCta | null {
  const cta = settings.defaultCta
  return cta ? { ...cta, href: withUtm(cta.href, { content: slug }) } : null
}

/**
 * Parses the article page query, with the site settings the page was rendered with (the default
 * CTA closes an article without its own). A post that is missing or lacks what a page needs
 * (title, slug, date) gives null — a 404 — and everything optional degrades on its own.
 */
export function parsePostPage(raw: unknown, options: ParseOptions & { settings: SiteSettings }): PostPage | null {
  const { settings } = options
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const now = options.now ?? new Date()
  const documentId =
    typeof record.post === 'object' && record.post !== null && typeof (record.post as { _id?: unknown })._id === 'string'
      ? (record.post as { _id: string })._id
      : null
  const report = options.onIssue ?? (() => undefined)
  const base: ParseContext = { documentId, report }
  const post = parseOptional(postShape, record.post, base, 'post')
  if (!post) return null

  const context = { ...base, now, utmContent: post.slug }
  const defaultCta = defaultCtaFor(settings, post.slug)
  const cta = parseBookingCta(post.cta, context, 'post.cta') ?? defaultCta
  const body = parseBody(post.body, { ...context, defaultCta })
  const author = parseOptional(personShape, post.author, context, 'post.author')
  const reviewer = parseOptional(personShape, post.reviewedBy, context, 'post.reviewedBy')
  const manual = Array.isArray(post.relatedPosts)
    ? post.relatedPosts.map((item, index) => parsePostCards([item], context, `post.relatedPosts[${index}]`)[0] ?? null)
    : []
  const sameCategory = parsePostCards(post.categoryPosts, context, 'post.categoryPosts')

  return {
    settings,
    post: {
      ...postHead(post, context),
      author: author
        ? {
            id: author._id,
            name: author.name,
            slug: author.slug,
            role: author.role,
            image: parseImage(author.image, context, 'post.author.image'),
          }
        : null,
      reviewedBy: reviewer ? { name: reviewer.name, slug: reviewer.slug, role: reviewer.role } : null,
      categories: parseCategories(post.categories, context, 'post.categories'),
      body: body.blocks,
      headings: body.headings,
      readingMinutes: readingTimeMinutes(post.wordCount ?? 0),
      relatedPosts: selectRelatedPosts(post._id, manual, sameCategory),
      cta,
      seo: {
        metaTitle: post.seo?.metaTitle ?? null,
        metaDescription: post.seo?.metaDescription ?? null,
        noIndex: post.seo?.noIndex ?? false,
        ogImage: parseImage(post.seo?.ogImage, context, 'post.seo.ogImage'),
      },
      previous: parseOptional(postLinkShape, post.previous, context, 'post.previous'),
      next: parseOptional(postLinkShape, post.next, context, 'post.next'),
    },
  }
}

/**
 * Parses POST_REDIRECT_QUERY: the current slug of a post that used to be at `requested`, when it
 * can be linked to and is not the same URL (which would loop).
 */
export function parseRedirectSlug(raw: unknown, requested: string): string | null {
  return isPostSlug(raw) && raw !== requested ? raw : null
}
