import { describe, expect, it } from 'vitest'

import { formatPublishedDate, postDateLabel } from './format-published-date'

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

describe('postDateLabel', () => {
  const now = Date.parse('2026-12-06T12:00:00Z')

  it('marks a post whose time is ahead as scheduled, to the minute', () => {
    expect(postDateLabel('2026-12-10T09:00:00Z', now)).toBe('Scheduled for 10 Dec 2026, 09:00 UTC')
  })

  it('gives the plain date once the time has come, and says when there is none', () => {
    expect(postDateLabel('2026-12-06T11:59:00Z', now)).toBe('6 Dec 2026')
    expect(postDateLabel(undefined, now)).toBe('No date')
    expect(postDateLabel('garbage', now)).toBe('No date')
  })
})
