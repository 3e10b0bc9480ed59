import 'server-only'

import { getImageProps } from 'next/image'
import type { ImageData } from '@journal/content'

import { imageUrl } from '../lib/sanity/image'

type SanityImageProps = {
  image: ImageData
  /** frame to an aspect ratio (crops around the hotspot); defaults to the image's own */
  aspect?: number
  priority?: boolean
  className?: string
} & (
  | {
      /**
       * CSS sizes attribute: how wide the image is drawn at each breakpoint. Percentages as plain
       * `NNvw` terms (not inside calc()): next/image reads them to leave out widths no screen needs.
       */
      sizes: string
      fixedWidth?: never
    }
  | {
      /** CSS pixels the image is always drawn at (avatars, thumbnails): srcset is just 1x and 2x */
      fixedWidth: number
      sizes?: never
    }
)

/**
 * A plain <img> with srcset from next/image's getImageProps: no client JavaScript, the CDN does
 * the resizing, and width/height reserve the space so nothing shifts. Priority images (above the
 * fold) show the LQIP while they load; lazy ones start loading well before they are scrolled to,
 * so they get a flat tone from CSS instead of a base64 preview that would be sent twice (in the
 * HTML and in the RSC payload) for something nobody sees.
 */
export function SanityImage({ image, sizes, fixedWidth, aspect, priority = false, className }: SanityImageProps) {
  const sourceWidth = Math.min(image.width, 2000)
  const ratio = aspect ?? image.width / image.height
  const sourceHeight = Math.round(sourceWidth / ratio)
  const width = fixedWidth ?? sourceWidth
  const { props } = getImageProps({
    src: imageUrl(image, aspect ? { width: sourceWidth, height: sourceHeight } : undefined),
    alt: image.alt,
    width,
    height: Math.round(width / ratio),
    ...(sizes ? { sizes } : {}),
    priority,
    quality: 75,
  })
  const style =
    priority && image.lqip
      ? { backgroundImage: `url("${image.lqip}")`, backgroundSize: 'cover', backgroundPosition: 'center' }
      : undefined
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- props come from getImageProps, alt included
  return <img {...props} className={className} style={style} />
}
