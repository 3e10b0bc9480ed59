import { describe, expect, it } from 'vitest'

import { formatSessionLengths } from './format-session-lengths'

describe('formatSessionLengths', () => {
  it('lists lengths shortest first', () => {
    expect(formatSessionLengths([60, 30, 90])).toBe('30 / 60 / 90 min')
    expect(formatSessionLengths([45])).toBe('45 min')
  })

  it('drops duplicates and nonsense values', () => {
    expect(formatSessionLengths([30, 30, 0, -5, Number.NaN])).toBe('30 min')
  })

  it('returns undefined when there are none', () => {
    expect(formatSessionLengths(undefined)).toBeUndefined()
    expect(formatSessionLengths([])).toBeUndefined()
  })
})
