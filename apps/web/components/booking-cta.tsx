import { describeOffer, type BookingCta as BookingCtaData } from '@journal/content'

import { editProps } from '@/lib/edit-props'
import { CopyCodeButton } from './copy-code-button'

interface BookingCtaProps {
  cta: BookingCtaData
  /** "aside" inside the body, "closing" after it */
  placement: 'inline' | 'closing'
  /** click-to-edit in draft mode (lib/visual-editing.ts) */
  dataSanity?: string
}

export function BookingCta({ cta, placement, dataSanity }: BookingCtaProps) {
  const headingId = `cta-${placement}-${cta.id}`
  return (
    <aside className={`booking-cta booking-cta--${placement}`} aria-labelledby={headingId} {...editProps(dataSanity)}>
      <h2 id={headingId} className="booking-cta__headline">
        {cta.headline}
      </h2>
      {cta.body ? <p className="booking-cta__body">{cta.body}</p> : null}
      {cta.offer ? (
        <div className="booking-cta__offer">
          <p className="booking-cta__offer-text">{describeOffer(cta.offer)}</p>
          <p className="booking-cta__code-row">
            <span className="visually-hidden">Promo code: </span>
            <code className="booking-cta__code" translate="no">
              {cta.offer.code}
            </code>
            <CopyCodeButton code={cta.offer.code} />
          </p>
        </div>
      ) : null}
      <a className="button booking-cta__button" href={cta.href}>
        {cta.buttonLabel}
      </a>
    </aside>
  )
}
