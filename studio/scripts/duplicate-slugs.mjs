// @ts-check

/**
 * @typedef {{_id?: unknown, _type?: unknown, slug?: unknown}} DatasetDocument
 * @typedef {{type: string, slug: string, documentIds: string[]}} DuplicateSlug
 */

/** @param {string} id */
function publishedIdOf(id) {
  if (id.startsWith('drafts.')) return id.slice('drafts.'.length)
  if (id.startsWith('versions.')) return id.split('.').slice(2).join('.')
  return id
}

/** @param {unknown} slug */
function currentOf(slug) {
  if (typeof slug !== 'object' || slug === null || !('current' in slug)) return undefined
  return typeof slug.current === 'string' && slug.current !== '' ? slug.current : undefined
}

/**
 * Slugs used by more than one document of the same type, the offline stand-in for the Studio's
 * slug uniqueness rule (which asks the Content Lake). Like that rule, the draft and release
 * versions of one document count as that document, and every version is considered, so a draft
 * that takes another document's slug is reported too.
 *
 * @param {Iterable<DatasetDocument>} documents
 * @returns {DuplicateSlug[]}
 */
export function findDuplicateSlugs(documents) {
  /** @type {Map<string, {type: string, slug: string, ids: Set<string>}>} */
  const owners = new Map()
  for (const document of documents) {
    const slug = currentOf(document.slug)
    if (typeof document._id !== 'string' || typeof document._type !== 'string' || slug === undefined) continue
    const key = JSON.stringify([document._type, slug])
    const entry = owners.get(key) ?? { type: document._type, slug, ids: new Set() }
    entry.ids.add(publishedIdOf(document._id))
    owners.set(key, entry)
  }
  return [...owners.values()].filter(({ ids }) => ids.size > 1).map(({ type, slug, ids }) => ({ type, slug, documentIds: [...ids].sort() }))
}
