/**
 * Rules for a promo offer. Codes are typed by customers at checkout, so they are kept to
 * unambiguous upper-case letters and digits; the window and discount rules stop the site from
 * advertising an offer the booking system would refuse.
 */
export const OFFER_CODE_PATTERN = /^[A-Z0-9]{3,20}$/

export type DiscountType = 'amount' | 'percent'

export function validateOfferCode(code: string | undefined): true | string {
  if (code === undefined) return true
  if (OFFER_CODE_PATTERN.test(code)) return true
  if (code !== code.toUpperCase() && OFFER_CODE_PATTERN.test(code.toUpperCase())) {
    return `Codes are upper-case: ${code.toUpperCase()}`
  }
  return 'Use 3–20 characters, only A–Z and 0–9 (no spaces or symbols)'
}

export function validateDiscountValue(discountType: DiscountType | undefined, value: number | undefined): true | string {
  if (value === undefined) return true
  if (!Number.isFinite(value) || value <= 0) return 'The discount must be greater than 0'
  if (discountType === 'percent' && value > 100) return 'A percentage discount cannot exceed 100'
  return true
}

/** ISO 4217 codes known to the runtime's Intl data (browsers and Node both ship it). */
function knownCurrencyCodes(): ReadonlySet<string> {
  return new Set(Intl.supportedValuesOf('currency'))
}

export function validateCurrency(
  discountType: DiscountType | undefined,
  currency: string | undefined,
  known: ReadonlySet<string> = knownCurrencyCodes(),
): true | string {
  const isMissing = currency === undefined || currency.trim() === ''
  if (isMissing) {
    // A fixed-amount discount is meaningless without a currency ("10 off" what?).
    return discountType === 'amount' ? 'A currency is required for an amount discount' : true
  }
  if (!/^[A-Z]{3}$/.test(currency)) return 'Use a three-letter ISO 4217 code in capitals, e.g. USD'
  if (!known.has(currency)) return `${currency} is not an ISO 4217 currency code`
  return true
}

/** Datetimes are ISO strings; an unparseable value is reported by the datetime input itself. */
export function validateOfferWindow(startsAt: string | undefined, endsAt: string | undefined): true | string {
  if (startsAt === undefined || endsAt === undefined) return true
  const start = Date.parse(startsAt)
  const end = Date.parse(endsAt)
  if (Number.isNaN(start) || Number.isNaN(end)) return true
  return end > start ? true : 'The offer must end after it starts'
}
