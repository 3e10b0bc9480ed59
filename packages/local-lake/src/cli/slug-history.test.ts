import { describe, expect, it } from 'vitest'

import { withSlugHistory } from './slug-history.js'

describe('slug history on publish', () => {
  it('records the replaced slug of a post, and leaves other types and unchanged slugs alone', () => {
    const draft = { _id: 'p', _type: 'post', slug: { current: 'calm-mind' }, previousSlugs: ['calm-old'] }
    expect(withSlugHistory(draft, { _id: 'p', _type: 'post', slug: { current: 'calm' } }).previousSlugs).toEqual(['calm-old', 'calm'])
    expect(withSlugHistory(draft, { _id: 'p', _type: 'post', slug: { current: 'calm-mind' } })).toBe(draft)
    expect(withSlugHistory(draft, undefined)).toBe(draft)
    const category = { _id: 'c', _type: 'category', slug: { current: 'new' } }
    expect(withSlugHistory(category, { _id: 'c', _type: 'category', slug: { current: 'old' } })).toBe(category)
  })
})
