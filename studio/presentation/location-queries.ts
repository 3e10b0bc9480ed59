/**
 * GROQ behind the Presentation tool's "Used on N pages" banner, one query per document type.
 * `fetch` runs with `$id` = the published id of the open document, under the Presentation
 * perspective, so unpublished edits (a new slug, a newly added reference) show up immediately.
 * `listen` says which changes make it run again: the listener API only takes plain filters (no
 * projections, ordering or slices), so it watches every document type the result depends on.
 */

/** Most pages listed for a CTA or treatment; the banner is a shortcut, not an index. */
export const MAX_LISTED_POSTS = 20

const routable = `{"title": coalesce(title, name), "slug": slug.current}`

const postsReferencingCta = `*[_type == "post" && defined(slug.current) && (
    references($id) ||
    (!defined(cta) && *[_id == "siteSettings"][0].defaultCta._ref == $id)
  )] | order(publishedAt desc) [0...${MAX_LISTED_POSTS}] {title, "slug": slug.current}`

// A treatment is used by posts that link to it, and by posts whose CTA books it.
const postsReferencingTreatment = `*[_type == "post" && defined(slug.current) && (
    references($id) ||
    references(*[_type == "cta" && treatment._ref == $id]._id)
  )] | order(publishedAt desc) [0...${MAX_LISTED_POSTS}] {title, "slug": slug.current}`

const typesListener = (...types: string[]) => `*[_type in [${types.map((type) => `"${type}"`).join(', ')}]]`

export const LOCATION_QUERIES = {
  post: { fetch: `*[_id == $id][0]${routable}`, listen: typesListener('post') },
  author: { fetch: `*[_id == $id][0]${routable}`, listen: typesListener('author') },
  category: { fetch: `*[_id == $id][0]${routable}`, listen: typesListener('category') },
  cta: {
    fetch: `{
    "isDefault": *[_id == "siteSettings"][0].defaultCta._ref == $id,
    "posts": ${postsReferencingCta}
  }`,
    listen: typesListener('post', 'siteSettings'),
  },
  treatment: { fetch: `{"posts": ${postsReferencingTreatment}}`, listen: typesListener('post', 'cta') },
} as const satisfies Record<string, { fetch: string; listen: string }>

export type LocatedType = keyof typeof LOCATION_QUERIES

export function isLocatedType(type: string): type is LocatedType {
  return Object.hasOwn(LOCATION_QUERIES, type)
}
