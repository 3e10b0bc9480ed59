import { describe, expect, it } from 'vitest'

import { nextPreviousSlugs, previousSlugsOnPublish } from './previous-slugs.js'

describe('nextPreviousSlugs', () => {
  it('records the published slug when the slug changes', () => {
    expect(nextPreviousSlugs({ publishedSlug: 'calm', draftSlug: 'calm-mind', previousSlugs: undefined })).toEqual(['calm'])
  })

  it('appends to the existing history, oldest first', () => {
    expect(nextPreviousSlugs({ publishedSlug: 'b', draftSlug: 'c', previousSlugs: ['a'] })).toEqual(['a', 'b'])
  })

  it('changes nothing when the slug is unchanged', () => {
    expect(nextPreviousSlugs({ publishedSlug: 'calm', draftSlug: 'calm', previousSlugs: ['old'] })).toBeUndefined()
    expect(nextPreviousSlugs({ publishedSlug: 'calm', draftSlug: 'calm', previousSlugs: undefined })).toBeUndefined()
  })

  it('changes nothing on first publish', () => {
    expect(nextPreviousSlugs({ publishedSlug: undefined, draftSlug: 'calm', previousSlugs: undefined })).toBeUndefined()
  })

  it('does not add a slug twice', () => {
    expect(nextPreviousSlugs({ publishedSlug: 'b', draftSlug: 'c', previousSlugs: ['b', 'a'] })).toBeUndefined()
  })

  it('removes the slug being published so a renamed-back post never redirects to itself', () => {
    // a -> b was published earlier; now the editor goes back to a.
    expect(nextPreviousSlugs({ publishedSlug: 'b', draftSlug: 'a', previousSlugs: ['a'] })).toEqual(['b'])
  })

  it('removes the new slug even when the published slug is unchanged', () => {
    expect(nextPreviousSlugs({ publishedSlug: 'a', draftSlug: 'a', previousSlugs: ['x', 'a'] })).toEqual(['x'])
  })

  it('cleans up duplicates and blanks already in the list', () => {
    expect(nextPreviousSlugs({ publishedSlug: 'c', draftSlug: 'c', previousSlugs: ['a', 'a', ''] })).toEqual(['a'])
  })

  it('keeps the history when the draft has no slug (publishing is blocked by validation anyway)', () => {
    expect(nextPreviousSlugs({ publishedSlug: 'a', draftSlug: undefined, previousSlugs: ['x'] })).toBeUndefined()
  })
})

describe('previousSlugsOnPublish', () => {
  it('reads the slugs and history from the documents', () => {
    const draft = { _id: 'drafts.p', slug: { current: 'calm-mind' }, previousSlugs: ['calm-old', 7, null] }
    expect(previousSlugsOnPublish(draft, { _id: 'p', slug: { current: 'calm' } })).toEqual(['calm-old', 'calm'])
    // Same slug: the history (its strings) is already right.
    expect(previousSlugsOnPublish(draft, { _id: 'p', slug: { current: 'calm-mind' } })).toBeUndefined()
    expect(previousSlugsOnPublish({ slug: { current: 'a' } }, undefined)).toBeUndefined()
    expect(previousSlugsOnPublish({ slug: 'not-a-slug-object' }, { slug: { current: 'b' } })).toBeUndefined()
    expect(previousSlugsOnPublish(null, null)).toBeUndefined()
  })
})
