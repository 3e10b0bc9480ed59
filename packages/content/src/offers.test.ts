import { describe, expect, it } from 'vitest'

import { describeOffer, formatDiscount, offerIsLive, type Offer } from './offers.js'

const blog: Offer = {
  code: 'BLOG',
  discountType: 'amount',
  discountValue: 10,
  currency: 'USD',
  minimumMinutes: 30,
  firstSessionOnly: true,
  startsAt: '2025-01-01T00:00:00Z',
  endsAt: '2025-12-31T23:59:59Z',
}

describe('offerIsLive', () => {
  it('is live inside its window and not outside it', () => {
    expect(offerIsLive(blog, new Date('2025-06-01T00:00:00Z'))).toBe(true)
    expect(offerIsLive(blog, new Date('2024-12-31T23:59:59Z'))).toBe(false)
    expect(offerIsLive(blog, new Date('2026-01-01T00:00:00Z'))).toBe(false)
  })

  it('treats a missing bound as open', () => {
    expect(offerIsLive({ startsAt: null, endsAt: null }, new Date('1999-01-01'))).toBe(true)
    expect(offerIsLive({ startsAt: null, endsAt: '2025-01-01T00:00:00Z' }, new Date('2024-06-01'))).toBe(true)
    expect(offerIsLive({ startsAt: '2025-01-01T00:00:00Z', endsAt: null }, new Date('2030-01-01'))).toBe(true)
  })

  it('never shows an offer whose dates cannot be read', () => {
    expect(offerIsLive({ startsAt: 'next tuesday', endsAt: null }, new Date())).toBe(false)
    expect(offerIsLive({ startsAt: null, endsAt: 'soon' }, new Date())).toBe(false)
  })
})

describe('describeOffer', () => {
  it('says the offer in plain words', () => {
    expect(describeOffer(blog)).toBe('Use code BLOG for $10 off your first session — 30 minutes and up')
  })

  it('handles percent offers without a minimum for any session', () => {
    expect(describeOffer({ ...blog, discountType: 'percent', discountValue: 15, minimumMinutes: null, firstSessionOnly: false })).toBe(
      'Use code BLOG for 15% off your session',
    )
  })

  it('formats other currencies and fractional amounts', () => {
    expect(formatDiscount({ discountType: 'amount', discountValue: 7.5, currency: 'EUR' })).toBe('€7.50 off')
    expect(formatDiscount({ discountType: 'amount', discountValue: 5, currency: 'ZZZ' })).toMatch(/5/u)
  })
})
