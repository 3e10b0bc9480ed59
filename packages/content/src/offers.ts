export type DiscountType = 'amount' | 'percent'

export interface Offer {
  code: string
  discountType: DiscountType
  discountValue: number
  currency: string | null
  minimumMinutes: number | null
  firstSessionOnly: boolean
  startsAt: string | null
  endsAt: string | null
}

/**
 * An offer is live inside its window; a missing bound is open. An offer whose dates cannot be
 * read is treated as not live, so a typo never shows a code that might not be honoured.
 */
export function offerIsLive(offer: Pick<Offer, 'startsAt' | 'endsAt'>, now: Date = new Date()): boolean {
  const time = now.getTime()
  if (offer.startsAt) {
    const start = Date.parse(offer.startsAt)
    if (Number.isNaN(start) || time < start) return false
  }
  if (offer.endsAt) {
    const end = Date.parse(offer.endsAt)
    if (Number.isNaN(end) || time > end) return false
  }
  return true
}

export function formatDiscount(offer: Pick<Offer, 'discountType' | 'discountValue' | 'currency'>): string {
  if (offer.discountType === 'percent') return `${formatNumber(offer.discountValue)}% off`
  const currency = offer.currency ?? 'USD'
  try {
    const formatted = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: Number.isInteger(offer.discountValue) ? 0 : 2,
    }).format(offer.discountValue)
    return `${formatted} off`
  } catch {
    return `${formatNumber(offer.discountValue)} ${currency} off`
  }
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2)
}

/** "Use code BLOG for $10 off your first session — 30 minutes and up" */
export function describeOffer(offer: Offer): string {
  const scope = offer.firstSessionOnly ? 'your first session' : 'your session'
  const minimum = offer.minimumMinutes ? ` — ${offer.minimumMinutes} minutes and up` : ''
  return `Use code ${offer.code} for ${formatDiscount(offer)} ${scope}${minimum}`
}
