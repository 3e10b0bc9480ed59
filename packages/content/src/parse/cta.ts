import { z } from 'zod'

import { withUtm } from '../hrefs.js'
import { offerIsLive, type Offer } from '../offers.js'
import { safeHttpsUrl } from '../urls.js'
import {
  optionalBoolean,
  optionalIsoDate,
  optionalText,
  parseOrReport,
  positiveNumber,
  requiredText,
  type ParseContext,
} from './primitives.js'
import type { Fields, RawCta, RawTreatmentLink } from './raw.js'

const offerShape = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{3,20}$/u, 'offer code must be 3–20 of A–Z and 0–9'),
    discountType: z.enum(['amount', 'percent']),
    discountValue: positiveNumber,
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/u)
      .nullish()
      .catch(null)
      .transform((value) => value ?? null),
    minimumMinutes: z
      .number()
      .int()
      .positive()
      .nullish()
      .catch(null)
      .transform((value) => value ?? null),
    firstSessionOnly: optionalBoolean,
    startsAt: optionalIsoDate,
    endsAt: optionalIsoDate,
  })
  .refine((offer) => offer.discountType === 'percent' || offer.currency !== null, {
    message: 'an amount discount needs a currency',
  })
  .refine((offer) => offer.discountType === 'amount' || offer.discountValue <= 100, {
    message: 'a percent discount cannot exceed 100',
  })

const ctaShape = z.object({
  _id: requiredText,
  headline: requiredText,
  body: optionalText,
  buttonLabel: requiredText,
  url: optionalText,
  campaign: optionalText,
  treatment: z
    .object({ name: optionalText, slug: optionalText, bookingUrl: optionalText } satisfies Fields<RawTreatmentLink>)
    .nullish()
    .catch(null),
  offer: z.unknown(),
} satisfies Fields<RawCta>)

export interface BookingCta {
  id: string
  headline: string
  body: string | null
  buttonLabel: string
  /** the booking URL with utm_source, utm_medium, utm_campaign and utm_content */
  href: string
  /** the live offer, or null when there is none or it is outside its window */
  offer: Offer | null
}

/**
 * A CTA books either its own https URL or its treatment's booking URL. One with neither (or an
 * unsafe URL) cannot be shown. An offer outside its window is dropped here, so no page can show
 * an expired code.
 */
export function parseBookingCta(
  raw: unknown,
  context: ParseContext & { now: Date; utmContent: string | null },
  path: string,
): BookingCta | null {
  if (raw === null || raw === undefined) return null
  const cta = parseOrReport(ctaShape, raw, context, path)
  if (!cta) return null
  const target = safeHttpsUrl(cta.url) ?? safeHttpsUrl(cta.treatment?.bookingUrl)
  if (!target) {
    context.report({ documentId: context.documentId, path, message: `CTA ${cta._id} has no https booking URL` })
    return null
  }
  let offer: Offer | null = null
  if (cta.offer !== null && cta.offer !== undefined) {
    const parsed = parseOrReport(offerShape, cta.offer, context, `${path}.offer`)
    offer = parsed && offerIsLive(parsed, context.now) ? parsed : null
  }
  return {
    id: cta._id,
    headline: cta.headline,
    body: cta.body,
    buttonLabel: cta.buttonLabel,
    href: withUtm(target, { campaign: cta.campaign, content: context.utmContent }),
    offer,
  }
}
