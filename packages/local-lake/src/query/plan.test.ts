import { describe, expect, it } from 'vitest'
import { parsePerspective } from '../store/perspectives.js'
import { DocumentStore, View } from '../store/store.js'
import { awkwardDataset } from '../test-support/awkward-dataset.js'
import { unplanned } from '../test-support/unplanned.js'
import type { LakeDocument } from '../types.js'
import { parseQuery, runQuery } from './evaluate.js'
import { planQuery, type Lookup } from './plan.js'

const documents = awkwardDataset()
const store = new DocumentStore(documents)

async function expectSameAsUnplanned(query: string, params: Record<string, unknown> = {}, view = store.view({ kind: 'published' })) {
  const planned = await runQuery({ query, params, view, projectId: 'p', dataset: 'd' })
  expect(planned, query).toEqual(await unplanned(query, params, view))
  return planned
}

const lookupKinds = (lookup: Lookup): string[] =>
  lookup.kind === 'and' || lookup.kind === 'or' ? [lookup.kind, ...lookup.parts.flatMap(lookupKinds)] : [lookup.kind]

const plansOf = (query: string, params: Record<string, unknown> = {}) => [...planQuery(parseQuery(query, params)).plans.values()]

describe('query planning', () => {
  it('turns filter conditions into index lookups, exact when every part is one', () => {
    const [post] = plansOf('*[_type == "post" && defined(slug.current) && slug.current == $slug][0]', { slug: 'x' })
    expect(post && lookupKinds(post.lookup)).toEqual(['and', 'equal', 'defined', 'equal'])
    expect(post?.exact).toBe(true)
    const [redirect] = plansOf('*[_type == "post" && $slug in previousSlugs && title match "x*"]', { slug: 'x' })
    expect(redirect && lookupKinds(redirect.lookup)).toEqual(['and', 'equal', 'member'])
    expect(redirect?.exact).toBe(false)
    expect(plansOf('*[defined(title) || _id == "a"]').map((plan) => plan.lookup.kind)).toEqual(['or'])
    expect(plansOf('*[title match "x*" || _id == "a"]')).toEqual([])
    expect(plansOf('*[_id != "a"]')).toEqual([])
  })

  it('plans correlated subqueries through `^`, and passes order/slice limits down', () => {
    const plans = plansOf(`*[_type == "post"][0]{
      "related": *[_type == "post" && _id != ^._id && references(^.categories[]._ref)] | order(publishedAt desc)[0...3],
      "previous": *[_type == "post" && publishedAt < ^.publishedAt] | order(publishedAt desc)[0]
    }`)
    expect(plans.map((plan) => [plan.correlated, plan.topK?.limit, plan.topK?.descending])).toEqual([
      [false, undefined, undefined],
      [true, 3, true],
      [true, 1, true],
    ])
  })

  it('does not plan a `^` that reaches past the value the filter is evaluated in', () => {
    expect(
      plansOf('*[_type == "author"][0]{"x": *[_type == "category"][0]{"n": *[references(^.^._id)]}}').filter((plan) => plan.correlated),
    ).toEqual([])
  })

  it('gives the same results as groq-js alone, for queries of every planned shape', async () => {
    const queries: Array<[string, Record<string, unknown>?]> = [
      ['*[_type == "post" && slug.current == $slug]{_id}', { slug: 'post-3' }],
      ['*[_type == "post" && slug.current == $slug]{_id}', { slug: 4 }],
      ['*[slug.current == null]._id'],
      ['*[slug.current == $slug]._id', { slug: null }],
      ['*[slug.current in ["post-1", "post-2", 5, null]]._id'],
      ['*[_type in ["category", "author"] || _id == "siteSettings"]._id'],
      ['*[_id in $ids]._id', { ids: ['post-1', 'post-2', 'nope'] }],
      ['*[$slug in previousSlugs]._id', { slug: 'shared-old' }],
      ['*[3 in previousSlugs]._id'],
      ['*[null in previousSlugs]._id'],
      ['*[_type == "post" && defined(publishedAt) && publishedAt < "2025-03-01T08:00:00Z"]._id'],
      ['*[publishedAt <= "2025-03-01T08:00:00Z"]._id'],
      ['*[publishedAt > 20250000]._id'],
      ['*["2025-03-01T08:00:00Z" >= publishedAt]._id'],
      ['*[publishedAt > $p]._id', { p: null }],
      ['*[publishedAt > true]._id'],
      ['*[defined(lower(slug.current)) && defined(dateTime(publishedAt))]._id'],
      ['count(*[_type == "post" && defined(upper(slug.current))])'],
      ['*[references("category-a")]._id'],
      ['*[references(["category-b", "author-x"], "category-c")]._id'],
      ['*[references([])]._id'],
      ['*[_type == "post" && references(*[_type == "category" && slug.current == $slug][0]._id)]._id', { slug: 'cat-b' }],
      ['count(*[_type == "post" && author._ref == *[_type == "author" && slug.current == "author-y"][0]._id])'],
      ['*[_type == "post" && seo.noIndex != true]._id'],
      ['*[_type == "post" && _id != "post-1" && _id != null]._id'],
      ['*[_type == "post" && defined(slug.current) && defined(publishedAt)] | order(publishedAt desc, _id asc)[0...7]{_id, publishedAt}'],
      ['*[_type == "post"] | order(publishedAt desc)[3...9]._id'],
      ['*[_type == "post"] | order(publishedAt asc)[0..4]._id'],
      ['*[_type == "post"] | order(publishedAt)[-3...-1]._id'],
      ['*[_type == "post" && title match "Post 1*"] | order(publishedAt desc)[0...2]._id'],
      ['*[_type == "post"] | order(slug.current desc)[0]._id'],
      ['*[_type == "post"] | order(_updatedAt desc)[1]._id'],
      ['*[_type == "post" && defined(slug.current)] | order(_id asc)[0...5000]._id'],
      [
        `*[_type == "post" && defined(publishedAt)]{
        _id,
        "related": *[_type == "post" && _id != ^._id && references(^.categories[]._ref)] | order(publishedAt desc, _id asc)[0...3]._id,
        "previous": *[_type == "post" && defined(slug.current) && publishedAt < ^.publishedAt] | order(publishedAt desc)[0]._id,
        "next": *[_type == "post" && publishedAt > ^.publishedAt] | order(publishedAt asc)[0]._id,
        "sameAuthor": count(*[author._ref == ^.author._ref])
      }`,
      ],
      // `^` inside projections of projections, of dereferenced documents, and of non-documents
      ['*[_type == "post"][0...20]{_id, categories}{_id, "n": count(*[references(^.categories[]._ref)])}'],
      ['*[_type == "post"][0...20]{"author": author->{name, "posts": count(*[references(^._id)])}}'],
      [
        '*[_type == "category"]{"n": count(*[_type == "post" && references(^._id)]), "hidden": *[_type == "post"][0..2]{"m": count(*[references(^._id)])}}',
      ],
      ['[{"_id": "category-a"}, {"_id": "category-b"}]{"n": count(*[references(^._id)])}'],
      ['*[_type == "author"]._id[]{"x": count(*[references(^)])}'],
      ['*[_type == "author"]._id[count(*[references(^)]) > 0]'],
      ['*[_type == "category"][0]{"x": *[_type == "author"][0]{"y": count(*[references(^.^._id)])}}'],
      // constant subqueries evaluated once per outer document (memoized)
      ['*[_type == "post" && author._ref in *[_type == "author" && name != "x"]._id]._id'],
      ['*[_type == "post"]{"first": *[_type == "category"] | order(title asc)[0].title}[0...3]'],
    ]
    for (const [query, params] of queries) await expectSameAsUnplanned(query, params)
  }, 120_000)

  it('gives the same results in the drafts perspective and over views built from plain documents', async () => {
    const drafts = store.view(parsePerspective('drafts'))
    const query = `*[_type == "post" && defined(publishedAt)] | order(publishedAt desc, _id asc)[0...10]{
      _id, _originalId, title,
      "categoryPosts": *[_type == "post" && _id != ^._id && references(^.categories[]._ref)] | order(publishedAt desc)[0...2]._id
    }`
    await expectSameAsUnplanned(query, {}, drafts)
    await expectSameAsUnplanned('*[_type == "post" && slug.current == "post-new"]{_id, _originalId}', {}, drafts)
    await expectSameAsUnplanned(query, {}, new View(documents.filter((document) => !document._id.includes('.'))))
  }, 60_000)

  it('keeps documents free of anything the planner adds', async () => {
    const view = store.view({ kind: 'published' })
    await runQuery({ query: '*[_type == "post"][0]{"n": count(*[references(^._id)])}', params: {}, view, projectId: 'p', dataset: 'd' })
    const post = view.byId.get('post-0') as LakeDocument
    expect(JSON.parse(JSON.stringify(post))).toEqual(documents.find((document) => document._id === 'post-0'))
    expect(Object.keys(post)).not.toContain(expect.stringContaining('lake'))
    expect(await expectSameAsUnplanned('*[_id == "post-0"][0]{...}')).toEqual(JSON.parse(JSON.stringify(post)))
  })

  it('is not fooled by data that imitates its hooks', async () => {
    const tricky = new DocumentStore([
      ...documents.slice(0, 20),
      { _id: 'trap', _type: 'trap', _rev: 'r', _createdAt: '', _updatedAt: '', ref: { _type: 'reference', _ref: '\u0000plan:0:' } },
    ]).view({ kind: 'published' })
    await expectSameAsUnplanned('*[_type == "trap"]{"r": ref->, "p": *[_type == "post"][0]._id}', {}, tricky)
  })
})
