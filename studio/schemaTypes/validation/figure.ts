import { hasField } from './parent-field'

/**
 * A figure holds an image once it has an uploaded asset, or, in an NDJSON file awaiting
 * `sanity dataset import`, an `_sanityAsset` pointer that the import turns into one.
 */
export function figureHasImage(figure: unknown): boolean {
  return hasField(figure, 'asset') || hasField(figure, '_sanityAsset')
}

function hasText(figure: object, field: string): boolean {
  const value = (figure as Record<string, unknown>)[field]
  return typeof value === 'string' && value.trim() !== ''
}

/**
 * A figure nobody has filled in. The Studio writes one as soon as a document is created, because
 * `decorative` has an initial value (`{_type: 'figure', decorative: false}`), so an untouched
 * optional image (a post's social sharing image) must count as absent, not as an image without
 * a file.
 */
export function figureIsEmpty(figure: unknown): boolean {
  if (figure === undefined || figure === null) return true
  if (typeof figure !== 'object' || figureHasImage(figure)) return false
  if ('decorative' in figure && figure.decorative === true) return false
  return !['alt', 'caption', 'credit'].some((field) => hasText(figure, field))
}

/**
 * A figure that has been filled in must contain an image: one left with only a caption renders
 * nothing. With `required`, an empty figure is an error too (Sanity's own required rule counts
 * the Studio's initial `{decorative: false}` as a value).
 */
export function validateFigureImage(figure: unknown, options: { required?: boolean } = {}): true | string {
  if (figureIsEmpty(figure)) return options.required ? 'Upload or choose an image' : true
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
