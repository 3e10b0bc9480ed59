import { describe, expect, it } from 'vitest'
import { View } from '../store/store.js'
import type { LakeDocument } from '../types.js'
import { parseQuery, runQuery } from './evaluate.js'
import { candidateDocuments } from './plan.js'

const make = (id: string, type: string, extra: Record<string, unknown> = {}): LakeDocument => ({
  _id: id,
  _type: type,
  _rev: 'r',
  _createdAt: '2025-01-01T00:00:00Z',
  _updatedAt: '2025-01-01T00:00:00Z',
  ...extra,
})

const documents = [
  make('siteSettings', 'siteSettings', { title: 'Site' }),
  make('author-1', 'author', { name: 'A' }),
  ...Array.from({ length: 20 }, (_, index) =>
    make(`post-${index}`, 'post', { n: index, author: { _type: 'reference', _ref: 'author-1' } }),
  ),
  make('category-1', 'category'),
]
const view = new View(documents)
const candidates = (query: string, params: Record<string, unknown> = {}) =>
  candidateDocuments(parseQuery(query, params), view).map((document) => document._id)

describe('query planning', () => {
  it('narrows the dataset to the types and ids every * is filtered by', () => {
    expect(candidates('*[_type == "author"]')).toEqual(['author-1'])
    expect(candidates('*[_type == $type && defined(name)]', { type: 'author' })).toEqual(['author-1'])
    expect(candidates('{"s": *[_id == "siteSettings"][0], "c": *[_type in ["category", "author"]]}')).toEqual([
      'siteSettings',
      'author-1',
      'category-1',
    ])
    expect(candidates('*[_type == "author" || _id == "category-1"]')).toEqual(['author-1', 'category-1'])
  })

  it('keeps the whole dataset whenever some * is unconstrained', () => {
    expect(candidates('*[_type == "author"]{"all": count(*)}')).toHaveLength(documents.length)
    expect(candidates('*[defined(name)]')).toHaveLength(documents.length)
    expect(candidates('*[_type == "author" || defined(name)]')).toHaveLength(documents.length)
    expect(candidates('*[_type match "auth*"]')).toHaveLength(documents.length)
  })

  it('gives the same results as evaluating over everything, references included', async () => {
    const queries = [
      '*[_type == "post" && n > 15] | order(n desc){n, "author": author->name}',
      '{"settings": *[_id == "siteSettings"][0].title, "posts": count(*[_type == "post"])}',
      '*[_type == "author"]{name, "posts": count(*[_type == "post" && references(^._id)])}',
    ]
    for (const query of queries) {
      const planned = await runQuery({ query, params: {}, view, projectId: 'p', dataset: 'd' })
      const { evaluate, parse } = await import('groq-js')
      const full = await (await evaluate(parse(query), { dataset: documents })).get()
      expect(planned).toEqual(full)
    }
  })
})
