import { describe, expect, it } from 'vitest'

import { publishedIdOf, validateNotSelfReference, validateReviewerIsNotAuthor } from './not-self-reference'

const ref = (id: string) => ({ _type: 'reference', _ref: id })

describe('publishedIdOf', () => {
  it('strips draft and release-version prefixes', () => {
    expect(publishedIdOf('post-a')).toBe('post-a')
    expect(publishedIdOf('drafts.post-a')).toBe('post-a')
    expect(publishedIdOf('versions.rSpring.post-a')).toBe('post-a')
  })
})

describe('validateNotSelfReference', () => {
  it('accepts references to other documents', () => {
    expect(validateNotSelfReference([ref('post-b'), ref('post-c')], 'drafts.post-a')).toBe(true)
    expect(validateNotSelfReference(ref('post-b'), 'post-a')).toBe(true)
  })

  it('rejects a list that contains the document itself, from its draft too', () => {
    expect(validateNotSelfReference([ref('post-b'), ref('post-a')], 'post-a')).toMatch(/itself/)
    expect(validateNotSelfReference([ref('post-a')], 'drafts.post-a')).toMatch(/itself/)
    expect(validateNotSelfReference([ref('post-a')], 'versions.rSpring.post-a')).toMatch(/itself/)
  })

  it('rejects a single reference to the document itself', () => {
    expect(validateNotSelfReference(ref('post-a'), 'drafts.post-a')).toMatch(/itself/)
  })

  it('ignores missing values and unknown documents', () => {
    expect(validateNotSelfReference(undefined, 'post-a')).toBe(true)
    expect(validateNotSelfReference([ref('post-a')], undefined)).toBe(true)
  })
})

describe('validateReviewerIsNotAuthor', () => {
  it("rejects the post's own author as its reviewer", () => {
    expect(validateReviewerIsNotAuthor(ref('author-a'), { author: ref('author-a') })).toMatch(/someone other than the author/)
  })

  it('accepts another author, no reviewer, and a post without an author yet', () => {
    expect(validateReviewerIsNotAuthor(ref('author-b'), { author: ref('author-a') })).toBe(true)
    expect(validateReviewerIsNotAuthor(undefined, { author: ref('author-a') })).toBe(true)
    expect(validateReviewerIsNotAuthor(ref('author-b'), {})).toBe(true)
    expect(validateReviewerIsNotAuthor(ref('author-b'), undefined)).toBe(true)
  })
})
