import { describe, expect, it } from 'vitest'

import { describeOffer, offerStatus } from './offer-status'

const now = new Date('2025-07-22T12:00:00Z')

describe('offerStatus', () => {
  it('is live without a window or inside it', () => {
    expect(offerStatus({}, now)).toBe('live')
    expect(offerStatus({ startsAt: '2025-07-01T00:00:00Z', endsAt: '2025-08-01T00:00:00Z' }, now)).toBe('live')
  })

  it('is expired once the end has passed, including exactly now', () => {
    expect(offerStatus({ endsAt: '2025-07-21T00:00:00Z' }, now)).toBe('expired')
    expect(offerStatus({ endsAt: now.toISOString() }, now)).toBe('expired')
  })

  it('is scheduled before the start', () => {
    expect(offerStatus({ startsAt: '2025-08-01T00:00:00Z' }, now)).toBe('scheduled')
  })
})

describe('describeOffer', () => {
  it('shows the code, marking expired and scheduled offers', () => {
    expect(describeOffer({ code: 'BLOG' }, now)).toBe('BLOG')
    expect(describeOffer({ code: 'BLOG', endsAt: '2025-01-01T00:00:00Z' }, now)).toBe('BLOG · EXPIRED')
    expect(describeOffer({ code: 'FALL', startsAt: '2025-09-01T00:00:00Z' }, now)).toBe('FALL · not started yet')
  })

  it('says when there is no offer', () => {
    expect(describeOffer(undefined, now)).toBe('No offer')
    expect(describeOffer({ endsAt: '2025-01-01T00:00:00Z' }, now)).toBe('No offer')
  })
})
