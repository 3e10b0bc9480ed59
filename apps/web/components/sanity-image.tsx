import 'server-only'

import { getImageProps } from 'next/image'
import type { ImageData } from '@journal/content'

import { imageUrl } from '../lib/sanity/image'

interface SanityImageProps {
  image: ImageData
  /** CSS sizes attribute: how wide the image is drawn at each breakpoint */
  sizes: string
  /** frame to an aspect ratio (crops around the hotspot); defaults to the image's own */
  aspect?: number
  priority?: boolean
  className?: string
}

/**
 * A plain <img> with srcset from next/image's getImageProps: no client JavaScript, the CDN does
 * the resizing, width/height reserve the space so nothing shifts, and the LQIP fills it while
 * the image loads.
 */
export function SanityImage({ image, sizes, aspect, priority = false, className }: SanityImageProps) {
  const width = Math.min(image.width, 2000)
  const height = aspect ? Math.round(width / aspect) : Math.round((width * image.height) / image.width)
  const { props } = getImageProps({
    src: imageUrl(image, aspect ? { width, height } : undefined),
    alt: image.alt,
    width,
    height,
    sizes,
    priority,
    quality: 75,
  })
  const style = image.lqip
    ? { backgroundImage: `url("${image.lqip}")`, backgroundSize: 'cover', backgroundPosition: 'center' }
    : undefined
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- props come from getImageProps, alt included
  return <img {...props} className={className} style={style} />
}
