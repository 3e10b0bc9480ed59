import { nextPreviousSlugs as contractRule } from '@journal/content'
import { describe, expect, it } from 'vitest'

import { nextPreviousSlugs, withSlugHistory } from './slug-history.js'

describe('slug history on publish', () => {
  it('agrees with the content package on generated cases', () => {
    // Small alphabets so renames, repeats, blanks and renaming back all occur often.
    const slugs = [undefined, '', 'a', 'b', 'c']
    let seed = 7
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T
    for (let run = 0; run < 5000; run += 1) {
      const input = {
        publishedSlug: pick(slugs),
        draftSlug: pick(slugs),
        previousSlugs: random() < 0.2 ? undefined : Array.from({ length: Math.floor(random() * 4) }, () => pick(['', 'a', 'b', 'c', 'd'])),
      }
      expect(nextPreviousSlugs(input), JSON.stringify(input)).toEqual(contractRule(input))
    }
  })

  it('records the replaced slug of a post, and leaves other types and unchanged slugs alone', () => {
    const draft = { _id: 'p', _type: 'post', slug: { current: 'calm-mind' }, previousSlugs: ['calm-old'] }
    expect(withSlugHistory(draft, { _id: 'p', _type: 'post', slug: { current: 'calm' } }).previousSlugs).toEqual(['calm-old', 'calm'])
    expect(withSlugHistory(draft, { _id: 'p', _type: 'post', slug: { current: 'calm-mind' } })).toBe(draft)
    expect(withSlugHistory(draft, undefined)).toBe(draft)
    const category = { _id: 'c', _type: 'category', slug: { current: 'new' } }
    expect(withSlugHistory(category, { _id: 'c', _type: 'category', slug: { current: 'old' } })).toBe(category)
  })
})
