import 'server-only'

import { getImageProps } from 'next/image'
import { preload } from 'react-dom'
import type { ImageData } from '@journal/content'

import { imageUrl } from '@/lib/sanity/image'

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
      /** CSS pixels the image is drawn at on the widest layout: srcset stops at twice that */
      widestDrawn?: number
      fixedWidth?: never
    }
  | {
      /** CSS pixels the image is always drawn at (avatars, thumbnails): srcset is just 1x and 2x */
      fixedWidth: number
      sizes?: never
      widestDrawn?: never
    }
)

/**
 * A plain <img> with srcset from next/image's getImageProps: no client JavaScript, the CDN does
 * the resizing, and width/height reserve the space so nothing shifts. Priority images (above the
 * fold) show the LQIP while they load; lazy ones start loading well before they are scrolled to,
 * so they get a flat tone from CSS instead of a base64 preview that would be sent twice (in the
 * HTML and in the RSC payload) for something nobody sees.
 */
/** Drops srcset widths beyond what a 2x screen needs at `widestDrawn`, keeping the first that covers it. */
function capSrcSet(srcSet: string | undefined, widestDrawn: number | undefined): string | undefined {
  if (!srcSet || !widestDrawn) return srcSet
  const entries = srcSet.split(', ').map((entry) => ({ entry, width: Number(entry.slice(entry.lastIndexOf(' ') + 1, -1)) }))
  const cover = entries.find((candidate) => candidate.width >= widestDrawn * 2)?.width ?? Number.POSITIVE_INFINITY
  return entries
    .filter((candidate) => candidate.width <= cover)
    .map((candidate) => candidate.entry)
    .join(', ')
}

export function SanityImage({ image, sizes, widestDrawn, fixedWidth, aspect, priority = false, className }: SanityImageProps) {
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
  const srcSet = capSrcSet(props.srcSet, widestDrawn)
  if (priority) {
    // A <link rel=preload> in the head: the browser starts the above-the-fold image as soon as it
    // reads the head, not when the parser reaches the <img> (next/image's <Image> does the same,
    // but only from a client component).
    preload(props.src, {
      as: 'image',
      fetchPriority: 'high',
      ...(srcSet ? { imageSrcSet: srcSet } : {}),
      ...(props.sizes ? { imageSizes: props.sizes } : {}),
    })
  }
  const style =
    priority && image.lqip ? { backgroundImage: `url("${image.lqip}")`, backgroundSize: 'cover', backgroundPosition: 'center' } : undefined
  // The above-the-fold image is decoded for the frame it arrives in (next/image asks for async
  // decoding everywhere): with async decoding Chromium painted the text first and the hero a frame
  // or more later, on its own; decoded in step, the first paint has both.
  const decoding = priority ? 'sync' : props.decoding
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- props come from getImageProps, alt included
  return <img {...props} srcSet={srcSet} className={className} style={style} decoding={decoding} />
}
