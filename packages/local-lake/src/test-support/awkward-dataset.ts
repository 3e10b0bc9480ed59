import type { LakeDocument } from '../types.js'

/**
 * A deterministic dataset shaped like the site's content but full of the values that make
 * index lookups go wrong if they don't follow GROQ exactly: missing and null fields, numbers
 * where strings are expected, equal sort keys (ties), weak, nested and broken references,
 * previousSlugs holding non-strings, drafts of published and of never-published posts.
 */
export function awkwardDataset(posts = 240): LakeDocument[] {
  let seed = 7
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const base = (id: string, type: string, extra: Record<string, unknown>): LakeDocument => ({
    _id: id,
    _type: type,
    _rev: `rev-${id}`,
    _createdAt: '2025-01-01T00:00:00Z',
    _updatedAt: `2025-0${1 + Math.floor(random() * 9)}-01T00:00:00Z`,
    ...extra,
  })
  const ref = (id: string, extra: Record<string, unknown> = {}) => ({ _type: 'reference', _ref: id, ...extra })

  const categories = ['a', 'b', 'c', 'd'].map((name, index) =>
    base(`category-${name}`, 'category', {
      title: `Category ${name}`,
      ...(index === 3 ? {} : { slug: { _type: 'slug', current: `cat-${name}` } }),
    }),
  )
  const authors = ['x', 'y', 'z'].map((name) =>
    base(`author-${name}`, 'author', { name, slug: { _type: 'slug', current: `author-${name}` } }),
  )
  const documents: LakeDocument[] = [
    base('siteSettings', 'siteSettings', { title: 'Site', defaultCta: ref('cta-1') }),
    base('cta-1', 'cta', { headline: 'Book', treatment: ref('treatment-1') }),
    base('treatment-1', 'treatment', { name: 'Back', slug: { _type: 'slug', current: 'back' } }),
    ...categories,
    ...authors,
  ]
  const dates = ['2025-01-01T08:00:00Z', '2025-02-01T08:00:00Z', '2025-03-01T08:00:00Z', '2025-03-01T08:00:00Z', '2025-04-01T08:00:00Z']
  for (let index = 0; index < posts; index++) {
    const id = `post-${index}`
    const roll = random()
    const slug =
      roll < 0.05
        ? undefined
        : roll < 0.08
          ? { _type: 'slug', current: null }
          : roll < 0.1
            ? { _type: 'slug', current: index }
            : { _type: 'slug', current: `post-${index}` }
    const dateRoll = random()
    const publishedAt =
      dateRoll < 0.05
        ? undefined
        : dateRoll < 0.08
          ? 20250101
          : dateRoll < 0.5
            ? pick(dates)
            : `2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}T09:00:00Z`
    const categoryRefs = [pick(categories), pick(categories)].map((category, position) => ({
      _key: `k${position}`,
      ...ref(category._id, position === 1 && random() < 0.2 ? { _weak: true } : {}),
    }))
    const post = base(id, 'post', {
      title: `Post ${index}`,
      ...(slug ? { slug } : {}),
      ...(publishedAt === undefined ? {} : { publishedAt }),
      ...(random() < 0.9 ? { author: ref(pick(authors)._id) } : { author: { _type: 'reference', _ref: 'author-missing' } }),
      categories: random() < 0.1 ? [] : categoryRefs,
      body: [
        {
          _type: 'block',
          _key: 'b1',
          style: 'normal',
          markDefs: random() < 0.3 ? [{ _type: 'internalLink', _key: 'l1', reference: ref(pick(categories)._id) }] : [],
          children: [{ _type: 'span', _key: 's1', text: `Words of post ${index} are here`, marks: [] }],
        },
        ...(random() < 0.2 ? [{ _type: 'relatedArticle', _key: 'r1', post: ref(`post-${Math.floor(random() * posts)}`) }] : []),
      ],
      ...(random() < 0.3 ? { relatedPosts: [{ _key: 'r', ...ref(`post-${Math.floor(random() * posts)}`) }] } : {}),
      ...(random() < 0.2 ? { seo: { noIndex: random() < 0.5 } } : {}),
      ...(random() < 0.1
        ? { previousSlugs: pick([[`old-${index}`], [`old-${index}`, null, 3], [`old-${index % 5}`], ['shared-old']]) }
        : {}),
    })
    documents.push(post)
    if (random() < 0.05) documents.push({ ...post, _id: `drafts.${id}`, title: `Draft of ${index}` })
  }
  documents.push(
    base('drafts.post-new', 'post', {
      title: 'Never published',
      slug: { _type: 'slug', current: 'post-new' },
      publishedAt: '2025-06-01T00:00:00Z',
      categories: [{ _key: 'k', ...ref('category-a') }],
    }),
  )
  return documents
}
