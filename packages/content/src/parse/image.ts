import { z } from 'zod'

import { optionalBoolean, optionalText, parseOrReport, type ParseContext } from './primitives.js'
import type { Fields, RawImage } from './raw.js'

const ASSET_REF = /^image-[a-zA-Z0-9]+-\d+x\d+-[a-z0-9]+$/u

/**
 * A low-quality placeholder as the image pipeline writes it: a small base64 image. It goes into a
 * style attribute's url("…"), so anything else (a quote, a closing bracket, another URL) could add
 * CSS of its own or load something from elsewhere.
 */
const LQIP = /^data:image\/(?:jpeg|png|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$/u

const crop = z.object({ top: z.number(), bottom: z.number(), left: z.number(), right: z.number() })
const hotspot = z.object({ x: z.number(), y: z.number(), height: z.number(), width: z.number() })

/** An image the site can render: a real asset with known dimensions, and honest alt text. */
export interface ImageData {
  assetId: string
  width: number
  height: number
  lqip: string | null
  /** empty only for decorative images */
  alt: string
  decorative: boolean
  caption: string | null
  credit: string | null
  crop: z.infer<typeof crop> | null
  hotspot: z.infer<typeof hotspot> | null
}

const imageShape = z.object({
  // "figure" or "image": every image field is read the same way
  _type: z.unknown().optional(),
  assetId: z.string().regex(ASSET_REF),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  lqip: optionalText,
  alt: optionalText,
  decorative: optionalBoolean,
  caption: optionalText,
  credit: optionalText,
  crop: crop
    .nullish()
    .catch(null)
    .transform((value) => value ?? null),
  hotspot: hotspot
    .nullish()
    .catch(null)
    .transform((value) => value ?? null),
} satisfies Fields<RawImage>)

/**
 * Dimensions come from the asset document; when the asset is missing (a deleted file, a broken
 * reference) the image does not parse and the page renders without it.
 */
export function parseImage(raw: unknown, context: ParseContext, path: string): ImageData | null {
  if (raw === null || raw === undefined) return null
  // An image field nobody filled in: the Studio stores `{_type: 'figure', decorative: false}` for
  // it as soon as the document exists. Not broken content, so nothing to report.
  if (typeof raw === 'object' && (raw as { assetId?: unknown }).assetId == null) return null
  const image = parseOrReport(imageShape, raw, context, path)
  if (!image) return null
  if (!image.decorative && !image.alt) {
    // Studio requires alt text unless the image is decorative. One that slipped past is shown
    // as decorative (empty alt) rather than with a made-up description, and reported.
    context.report({ documentId: context.documentId, path, message: 'image has no alt text; rendered as decorative' })
  }
  return {
    ...image,
    lqip: image.lqip && LQIP.test(image.lqip) ? image.lqip : null,
    alt: image.decorative ? '' : (image.alt ?? ''),
    decorative: image.decorative || !image.alt,
  }
}
