import { describe, expect, it } from 'vitest'

import { formatPublishedDate, formatScheduledTime } from './dates.js'
import { assignHeadingIds, slugifyHeading } from './headings.js'
import { countWords, formatReadingTime, readingTimeMinutes, WORDS_PER_MINUTE } from './reading-time.js'

describe('reading time', () => {
  it('is whole minutes and never zero', () => {
    expect(readingTimeMinutes(0)).toBe(1)
    expect(readingTimeMinutes(-5)).toBe(1)
    expect(readingTimeMinutes(Number.NaN)).toBe(1)
    expect(readingTimeMinutes(WORDS_PER_MINUTE * 4)).toBe(4)
    expect(readingTimeMinutes(WORDS_PER_MINUTE * 4.6)).toBe(5)
  })

  it('counts words across whitespace', () => {
    expect(countWords('  one two\n\nthree\tfour ')).toBe(4)
    expect(countWords('   ')).toBe(0)
  })

  it('says "N min read"', () => {
    expect(formatReadingTime(4)).toBe('4 min read')
    expect(formatReadingTime(0)).toBe('1 min read')
  })
})

describe('formatPublishedDate', () => {
  it('formats like "22 Jul 2025" in UTC', () => {
    expect(formatPublishedDate('2025-07-22T23:30:00Z')).toBe('22 Jul 2025')
    expect(formatPublishedDate('2025-07-22T00:10:00+02:00')).toBe('21 Jul 2025')
    expect(formatPublishedDate('2026-09-02T12:00:00Z')).toBe('2 Sep 2026')
    expect(formatPublishedDate('not a date')).toBe('')
  })
})

describe('heading anchors', () => {
  it('slugifies curly quotes, punctuation and accents', () => {
    expect(slugifyHeading('“Will it feel mechanical?”')).toBe('will-it-feel-mechanical')
    expect(slugifyHeading('Café & recovery')).toBe('cafe-recovery')
    expect(slugifyHeading('???')).toBe('section')
  })

  it('keeps ids unique in document order', () => {
    const ids = assignHeadingIds([{ text: 'Why' }, { text: 'How' }, { text: 'Why' }, { text: 'why!' }]).map((h) => h.id)
    expect(ids).toEqual(['why', 'how', 'why-2', 'why-3'])
  })
})

describe('formatScheduledTime', () => {
  it('gives the day and the minute, in UTC', () => {
    expect(formatScheduledTime('2026-12-10T09:05:30Z')).toBe('10 Dec 2026, 09:05 UTC')
    expect(formatScheduledTime('nonsense')).toBe('')
  })
})
