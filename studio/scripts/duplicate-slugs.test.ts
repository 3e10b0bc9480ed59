import { describe, expect, it } from 'vitest'

import { findDuplicateSlugs } from './duplicate-slugs.mjs'

const doc = (_id: string, _type: string, slug?: string) => ({
  _id,
  _type,
  ...(slug === undefined ? {} : { slug: { _type: 'slug', current: slug } }),
})

describe('findDuplicateSlugs', () => {
  it('finds documents of one type sharing a slug', () => {
    expect(findDuplicateSlugs([doc('post-a', 'post', 'calm'), doc('post-b', 'post', 'calm')])).toEqual([
      { type: 'post', slug: 'calm', documentIds: ['post-a', 'post-b'] },
    ])
  })

  it('allows the same slug on different types', () => {
    expect(findDuplicateSlugs([doc('post-a', 'post', 'recovery'), doc('category-a', 'category', 'recovery')])).toEqual([])
  })

  it('treats a draft and its published document as one document', () => {
    expect(findDuplicateSlugs([doc('post-a', 'post', 'calm'), doc('drafts.post-a', 'post', 'calm')])).toEqual([])
  })

  it('reports a draft that takes another document’s slug', () => {
    expect(findDuplicateSlugs([doc('post-a', 'post', 'calm'), doc('drafts.post-b', 'post', 'calm')])).toEqual([
      { type: 'post', slug: 'calm', documentIds: ['post-a', 'post-b'] },
    ])
  })

  it('ignores documents without a slug', () => {
    expect(findDuplicateSlugs([doc('post-a', 'post'), doc('post-b', 'post'), { _type: 'post' }])).toEqual([])
  })
})
