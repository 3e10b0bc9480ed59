import { authorHref, blogIndexHref, categoryHref, postHref } from '@journal/content/hrefs'
import type { DocumentLocation, DocumentLocationsState } from 'sanity/presentation'

import type { LocatedType } from './location-queries'

/** The site's addresses come from @journal/content/hrefs, as the site's own links do. */
export const BLOG_INDEX: DocumentLocation = { title: 'Blog', href: blogIndexHref() }

interface Routable {
  title: string | undefined
  slug: string
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/** Query results are untyped JSON; keep only entries that have a usable slug. */
function asRoutable(value: unknown): Routable | undefined {
  const record = asRecord(value)
  if (record === undefined || typeof record.slug !== 'string' || record.slug === '') return undefined
  return { title: typeof record.title === 'string' ? record.title : undefined, slug: record.slug }
}

function asRoutables(value: unknown): Routable[] {
  if (!Array.isArray(value)) return []
  return value.map(asRoutable).filter((item): item is Routable => item !== undefined)
}

function postLocation({ title, slug }: Routable): DocumentLocation {
  return { title: title ?? 'Untitled post', href: postHref(slug) }
}

const NO_SLUG: DocumentLocationsState = {
  message: 'Add a slug to preview this document on the site',
  tone: 'caution',
}

function singlePage(value: unknown, href: (slug: string) => string, extra: DocumentLocation[]): DocumentLocationsState {
  const doc = asRoutable(value)
  if (doc === undefined) return NO_SLUG
  return { locations: [{ title: doc.title ?? 'Untitled', href: href(doc.slug) }, ...extra] }
}

function referencingPosts(posts: Routable[], unused: string, message?: string): DocumentLocationsState {
  if (posts.length === 0) return { message: unused, tone: 'caution' }
  return { locations: posts.map(postLocation), ...(message === undefined ? {} : { message }) }
}

/**
 * Turns the result of `LOCATION_QUERIES[type]` into what the Presentation tool shows: the pages
 * of the site where the document appears.
 */
export function toDocumentLocations(type: LocatedType, result: unknown): DocumentLocationsState {
  switch (type) {
    case 'post':
      return singlePage(result, postHref, [BLOG_INDEX])
    case 'author':
      return singlePage(result, (slug) => authorHref(slug), [])
    case 'category':
      return singlePage(result, (slug) => categoryHref(slug), [])
    case 'cta': {
      const record = asRecord(result)
      const posts = asRoutables(record?.posts)
      return record?.isDefault === true
        ? referencingPosts(
            posts,
            'This is the site’s default CTA, but every post has its own CTA',
            'The site’s default CTA, shown on posts without their own',
          )
        : referencingPosts(posts, 'No posts use this CTA yet')
    }
    case 'treatment':
      return referencingPosts(asRoutables(asRecord(result)?.posts), 'No posts link to this treatment yet')
  }
}

/** Site settings are read by every page; the blog index is the natural place to check them. */
export const SITE_SETTINGS_LOCATIONS: DocumentLocationsState = {
  locations: [BLOG_INDEX],
  message: 'Used on every page of the blog',
  tone: 'positive',
}
