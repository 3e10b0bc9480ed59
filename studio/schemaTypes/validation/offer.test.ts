import { describe, expect, it } from 'vitest'

import { validateCurrency, validateDiscountValue, validateOfferCode, validateOfferWindow } from './offer'

describe('validateOfferCode', () => {
  it('accepts 3–20 upper-case letters and digits', () => {
    expect(validateOfferCode('BLOG')).toBe(true)
    expect(validateOfferCode('SPRING2025')).toBe(true)
    expect(validateOfferCode('ABC')).toBe(true)
    expect(validateOfferCode('A'.repeat(20))).toBe(true)
  })

  it('suggests the upper-case form of a lower-case code', () => {
    expect(validateOfferCode('blog')).toBe('Codes are upper-case: BLOG')
  })

  it('rejects short, long and symbol-bearing codes', () => {
    for (const code of ['AB', 'A'.repeat(21), 'BLOG-10', 'BLOG 10', '']) {
      expect(validateOfferCode(code), code).toMatch(/3–20 characters/)
    }
  })
})

describe('validateDiscountValue', () => {
  it('requires a positive value', () => {
    expect(validateDiscountValue('amount', 10)).toBe(true)
    expect(validateDiscountValue('amount', 0)).toMatch(/greater than 0/)
    expect(validateDiscountValue('amount', -5)).toMatch(/greater than 0/)
  })

  it('caps percentages at 100 but not amounts', () => {
    expect(validateDiscountValue('percent', 100)).toBe(true)
    expect(validateDiscountValue('percent', 101)).toMatch(/cannot exceed 100/)
    expect(validateDiscountValue('amount', 150)).toBe(true)
  })
})

describe('validateCurrency', () => {
  const known = new Set(['USD', 'EUR', 'GBP'])

  it('requires a currency for amount discounts only', () => {
    expect(validateCurrency('amount', undefined, known)).toMatch(/required/)
    expect(validateCurrency('amount', '', known)).toMatch(/required/)
    expect(validateCurrency('percent', undefined, known)).toBe(true)
  })

  it('accepts known ISO 4217 codes', () => {
    expect(validateCurrency('amount', 'USD', known)).toBe(true)
  })

  it('rejects malformed and unknown codes', () => {
    expect(validateCurrency('amount', 'usd', known)).toMatch(/three-letter/)
    expect(validateCurrency('amount', 'US$', known)).toMatch(/three-letter/)
    expect(validateCurrency('amount', 'XYZ', known)).toMatch(/not an ISO 4217/)
  })

  it('uses the runtime list of ISO 4217 codes by default', () => {
    expect(validateCurrency('amount', 'SEK')).toBe(true)
    expect(validateCurrency('amount', 'ZZZ')).toMatch(/not an ISO 4217/)
  })
})

describe('validateOfferWindow', () => {
  it('accepts an open-ended or well-ordered window', () => {
    expect(validateOfferWindow(undefined, undefined)).toBe(true)
    expect(validateOfferWindow('2025-07-01T00:00:00Z', undefined)).toBe(true)
    expect(validateOfferWindow(undefined, '2025-07-01T00:00:00Z')).toBe(true)
    expect(validateOfferWindow('2025-07-01T00:00:00Z', '2025-08-01T00:00:00Z')).toBe(true)
  })

  it('rejects an end before or equal to the start', () => {
    expect(validateOfferWindow('2025-08-01T00:00:00Z', '2025-07-01T00:00:00Z')).toMatch(/end after/)
    expect(validateOfferWindow('2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z')).toMatch(/end after/)
  })
})
