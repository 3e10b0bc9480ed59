export type OfferStatus = 'live' | 'scheduled' | 'expired'

interface OfferWindow {
  startsAt?: string
  endsAt?: string
}

/**
 * Where an offer stands at `now`. The site hides expired and not-yet-started offers, so editors
 * need to see that in the CTA list rather than discover it on the page.
 */
export function offerStatus(offer: OfferWindow, now: Date): OfferStatus {
  const start = offer.startsAt === undefined ? Number.NaN : Date.parse(offer.startsAt)
  const end = offer.endsAt === undefined ? Number.NaN : Date.parse(offer.endsAt)
  if (!Number.isNaN(end) && end <= now.getTime()) return 'expired'
  if (!Number.isNaN(start) && start > now.getTime()) return 'scheduled'
  return 'live'
}

/** List subtitle for a CTA: its offer code and, unless live, the offer's status. */
export function describeOffer(offer: (OfferWindow & { code?: string }) | undefined, now: Date): string {
  if (offer?.code === undefined) return 'No offer'
  const status = offerStatus(offer, now)
  if (status === 'expired') return `${offer.code} · EXPIRED`
  if (status === 'scheduled') return `${offer.code} · not started yet`
  return offer.code
}
