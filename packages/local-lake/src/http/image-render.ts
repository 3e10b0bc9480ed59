import sharp, { type Sharp } from 'sharp'
import type { ImageTransform, OutputFormat, Rgba } from './image-params.js'
import { ImageParamError } from './image-params.js'

export interface Size {
  width: number
  height: number
}

/** How the (cropped, rotated) source becomes the output: never larger than the source. */
export type ResizePlan =
  | { kind: 'none' }
  | { kind: 'exact'; width: number; height: number }
  | { kind: 'cover'; width: number; height: number }
  | { kind: 'contain'; width: number; height: number }

const round = (value: number): number => Math.max(1, Math.round(value))

export function planResize(source: Size, transform: ImageTransform): ResizePlan {
  const { dpr } = transform
  let width = transform.width === undefined ? undefined : transform.width * dpr
  let height = transform.height === undefined ? undefined : transform.height * dpr
  if (transform.maxWidth !== undefined) width = Math.min(width ?? source.width, transform.maxWidth)
  if (transform.maxHeight !== undefined) height = Math.min(height ?? source.height, transform.maxHeight)
  if (transform.minWidth !== undefined && width !== undefined) width = Math.max(width, transform.minWidth)
  if (transform.minHeight !== undefined && height !== undefined) height = Math.max(height, transform.minHeight)
  if (width === undefined && height === undefined) return { kind: 'none' }

  const both = width !== undefined && height !== undefined
  if (both && width !== undefined && height !== undefined) {
    // Fits that produce the requested box shrink the box, keeping its shape, to stay within the source.
    const box = (): Size => {
      const factor = Math.min(1, source.width / width, source.height / height)
      return { width: round(width * factor), height: round(height * factor) }
    }
    switch (transform.fit) {
      case 'crop':
      case 'min':
        return { kind: 'cover', ...box() }
      case 'fill':
      case 'fillmax':
        return { kind: 'contain', ...box() }
      case 'scale':
        return { kind: 'exact', width: round(Math.min(width, source.width)), height: round(Math.min(height, source.height)) }
      default:
        break
    }
  }
  const scale = Math.min(1, width === undefined ? Infinity : width / source.width, height === undefined ? Infinity : height / source.height)
  return { kind: 'exact', width: round(source.width * scale), height: round(source.height * scale) }
}

function gravity(crop: string[]): string {
  const vertical = crop.includes('top') ? 'north' : crop.includes('bottom') ? 'south' : ''
  const horizontal = crop.includes('left') ? 'west' : crop.includes('right') ? 'east' : ''
  return `${vertical}${horizontal}` || 'centre'
}

/** The largest region of `source` with the shape of `target`, centred on the focal point. */
export function focalRegion(source: Size, target: Size, focal: { x: number; y: number }) {
  const wider = source.width / source.height > target.width / target.height
  const width = wider ? Math.min(source.width, round((source.height * target.width) / target.height)) : source.width
  const height = wider ? source.height : Math.min(source.height, round((source.width * target.height) / target.width))
  const clamp = (value: number, max: number): number => Math.min(Math.max(Math.round(value), 0), max)
  return {
    left: clamp(focal.x * source.width - width / 2, source.width - width),
    top: clamp(focal.y * source.height - height / 2, source.height - height),
    width,
    height,
  }
}

const WHITE: Rgba = { r: 255, g: 255, b: 255, alpha: 1 }
const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, alpha: 0 }

export async function renderImage(input: Buffer, original: Size, transform: ImageTransform, format: OutputFormat): Promise<Buffer> {
  let source = original
  let image: Sharp = sharp(input, { failOn: 'none', animated: false })
  const { rect } = transform
  if (rect) {
    if (rect.left >= original.width || rect.top >= original.height) throw new ImageParamError('rect lies outside the image')
    // A rect reaching past the edges is cut at the edges.
    const region = {
      left: rect.left,
      top: rect.top,
      width: Math.min(rect.width, original.width - rect.left),
      height: Math.min(rect.height, original.height - rect.top),
    }
    image = image.extract(region)
    source = { width: region.width, height: region.height }
  }
  if (transform.orientation !== 0) {
    image = image.rotate(transform.orientation)
    if (transform.orientation !== 180) source = { width: source.height, height: source.width }
  }
  if (transform.flipVertical) image = image.flip()
  if (transform.flipHorizontal) image = image.flop()

  const plan = planResize(source, transform)
  const focal = transform.crop.includes('focalpoint') ? transform.focalPoint : undefined
  if (plan.kind === 'cover' && focal) {
    // sharp applies one pre-resize extract per pipeline, so materialise the geometry so far first.
    const { data, info } = await image.raw().toBuffer({ resolveWithObject: true })
    image = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
      .extract(focalRegion(source, plan, focal))
      .resize(plan.width, plan.height, { fit: 'fill' })
  } else if (plan.kind === 'cover') {
    const position = transform.crop.includes('entropy') ? sharp.strategy.entropy : gravity(transform.crop)
    image = image.resize(plan.width, plan.height, { fit: 'cover', position })
  } else if (plan.kind === 'contain') {
    const background = transform.background ?? (format === 'jpg' || format === 'pjpg' ? WHITE : TRANSPARENT)
    image = image.resize(plan.width, plan.height, { fit: 'contain', background })
  } else if (plan.kind === 'exact') {
    image = image.resize(plan.width, plan.height, { fit: 'fill' })
  }

  if (transform.blur !== undefined && transform.blur > 0) image = image.blur(Math.min(Math.max(transform.blur / 2, 0.3), 1000))
  if (transform.sharpen !== undefined && transform.sharpen > 0) image = image.sharpen({ sigma: 0.5 + transform.sharpen / 50 })
  if (transform.saturation !== undefined) image = image.modulate({ saturation: 1 + transform.saturation / 100 })
  if (transform.invert) image = image.negate({ alpha: false })
  if (transform.pad > 0) {
    const background = transform.background ?? (format === 'jpg' || format === 'pjpg' ? WHITE : TRANSPARENT)
    image = image.extend({ top: transform.pad, bottom: transform.pad, left: transform.pad, right: transform.pad, background })
  }

  const quality = transform.quality
  switch (format) {
    case 'jpg':
    case 'pjpg':
      return image
        .flatten({ background: transform.background ?? WHITE })
        .jpeg({ quality: quality ?? 75, progressive: format === 'pjpg' })
        .toBuffer()
    case 'png':
      return image.png().toBuffer()
    case 'webp':
      return image.webp({ quality: quality ?? 75 }).toBuffer()
    case 'avif':
      return image.avif({ quality: quality ?? 50, effort: 2 }).toBuffer()
    case 'gif':
      return image.gif().toBuffer()
  }
}
