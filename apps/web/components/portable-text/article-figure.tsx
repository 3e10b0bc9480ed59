import type { ImageData } from '@journal/content'

import { SanityImage } from '@/components/sanity-image'

export function ArticleFigure({ image }: { image: ImageData }) {
  const hasCaption = image.caption !== null || image.credit !== null
  return (
    <figure className="article-figure">
      <SanityImage image={image} sizes="(min-width: 42rem) 39.5rem, 90vw" widestDrawn={632} />
      {hasCaption ? (
        <figcaption>
          {image.caption}
          {image.credit ? <span className="article-figure__credit"> {image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  )
}
