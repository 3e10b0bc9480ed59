import {describe, expect, it} from 'vitest'

import {formatPublishedDate} from './format-published-date'

describe('formatPublishedDate', () => {
  it('formats as day, short month and year', () => {
    expect(formatPublishedDate('2025-07-22T09:00:00Z')).toBe('22 Jul 2025')
    expect(formatPublishedDate('2025-09-03T09:00:00Z')).toBe('3 Sep 2025')
  })

  it('uses the UTC calendar day', () => {
    expect(formatPublishedDate('2025-07-22T23:30:00-02:00')).toBe('23 Jul 2025')
  })

  it('returns undefined for missing or invalid dates', () => {
    expect(formatPublishedDate(undefined)).toBeUndefined()
    expect(formatPublishedDate('not a date')).toBeUndefined()
  })
})
