import {hasField} from './parent-field'

/**
 * A figure holds an image once it has an uploaded asset, or, in an NDJSON file awaiting
 * `sanity dataset import`, an `_sanityAsset` pointer that the import turns into one.
 */
export function figureHasImage(figure: unknown): boolean {
  return hasField(figure, 'asset') || hasField(figure, '_sanityAsset')
}

/** A figure that exists must contain an image; one left with only a caption renders nothing. */
export function validateFigureImage(figure: unknown): true | string {
  if (figure === undefined || figure === null) return true
  return figureHasImage(figure) ? true : 'Upload or choose an image'
}

/**
 * Screen readers announce an image by its alt text, so it is required unless the editor has
 * marked the image as purely decorative (rendered with an empty alt and skipped).
 */
export function validateAltText(alt: string | undefined, figure: unknown): true | string {
  if (!figureHasImage(figure)) return true
  if (typeof figure === 'object' && figure !== null && 'decorative' in figure && figure.decorative === true) {
    return true
  }
  if (alt === undefined || alt.trim() === '') {
    return 'Describe the image for people who cannot see it, or mark it as decorative'
  }
  return true
}
