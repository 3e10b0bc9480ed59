import { describe, expect, it } from 'vitest'

import { selectRelatedPosts } from './related.js'

const post = (id: string, publishedAt: string) => ({ id, publishedAt })

describe('selectRelatedPosts', () => {
  const a = post('a', '2025-01-01')
  const b = post('b', '2025-02-01')
  const c = post('c', '2025-03-01')
  const d = post('d', '2025-04-01')

  it("puts the editor's picks first, in their order", () => {
    expect(selectRelatedPosts('self', [a, b], [d, c]).map((p) => p.id)).toEqual(['a', 'b', 'd'])
  })

  it('fills with the newest posts sharing a category', () => {
    expect(selectRelatedPosts('self', [], [a, c, b, d]).map((p) => p.id)).toEqual(['d', 'c', 'b'])
  })

  it('never includes the post itself, duplicates or missing references', () => {
    const self = post('self', '2025-05-01')
    expect(selectRelatedPosts('self', [self, null, a, a], [self, a, b]).map((p) => p.id)).toEqual(['a', 'b'])
  })

  it('returns at most three', () => {
    expect(selectRelatedPosts('x', [a, b, c, d], [])).toHaveLength(3)
  })
})
