import { describe, expect, it } from 'vitest'

import { SLUG_MAX_LENGTH, validateSlugFormat } from './slug-format'

describe('validateSlugFormat', () => {
  it('accepts lower-case words joined by hyphens', () => {
    expect(validateSlugFormat('quiet-mind-after-a-massage')).toBe(true)
    expect(validateSlugFormat('top-5-stretches')).toBe(true)
  })

  it('leaves a missing slug to the required rule', () => {
    expect(validateSlugFormat(undefined)).toBe(true)
  })

  it('rejects upper-case letters', () => {
    expect(validateSlugFormat('Quiet-Mind')).toMatch(/lower-case/)
  })

  it('rejects spaces, underscores, accents and stray hyphens', () => {
    for (const slug of ['quiet mind', 'quiet_mind', 'café', '-quiet', 'quiet-', 'quiet--mind', '']) {
      expect(validateSlugFormat(slug), slug).toMatch(/a–z/)
    }
  })

  it('rejects slugs longer than the maximum', () => {
    expect(validateSlugFormat('a'.repeat(SLUG_MAX_LENGTH))).toBe(true)
    expect(validateSlugFormat('a'.repeat(SLUG_MAX_LENGTH + 1))).toMatch(/at most 96/)
  })
})

describe('reserved slugs', () => {
  it('refuses a slug another route owns and accepts others', () => {
    expect(validateSlugFormat('page', ['page', 'category'])).toMatch(/reserved/)
    expect(validateSlugFormat('category', ['page', 'category'])).toMatch(/reserved/)
    expect(validateSlugFormat('page-turner', ['page', 'category'])).toBe(true)
    expect(validateSlugFormat('page')).toBe(true)
  })
})
