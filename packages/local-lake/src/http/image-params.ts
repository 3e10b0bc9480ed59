/*
 * Sanity image-CDN URL parameters (https://www.sanity.io/docs/image-urls), parsed and checked.
 * Unknown parameters are ignored, as the CDN ignores them; malformed values are a 400.
 */

export type OutputFormat = 'jpg' | 'pjpg' | 'png' | 'webp' | 'avif' | 'gif'
export type Fit = 'clip' | 'crop' | 'fill' | 'fillmax' | 'max' | 'min' | 'scale'

export interface Rgba {
  r: number
  g: number
  b: number
  alpha: number
}

export interface ImageTransform {
  rect?: { left: number; top: number; width: number; height: number }
  width?: number
  height?: number
  maxWidth?: number
  maxHeight?: number
  minWidth?: number
  minHeight?: number
  fit: Fit
  crop: string[]
  focalPoint?: { x: number; y: number }
  quality?: number
  format?: OutputFormat
  autoFormat: boolean
  dpr: number
  blur?: number
  sharpen?: number
  saturation?: number
  invert: boolean
  flipHorizontal: boolean
  flipVertical: boolean
  orientation: 0 | 90 | 180 | 270
  background?: Rgba
  pad: number
  download?: string
}

export class ImageParamError extends Error {
  override name = 'ImageParamError'
}

/** The largest output side the lake will produce, as on Sanity's CDN. */
export const MAX_SIDE = 8192

const FITS = new Set<Fit>(['clip', 'crop', 'fill', 'fillmax', 'max', 'min', 'scale'])
const FORMATS = new Set<OutputFormat>(['jpg', 'pjpg', 'png', 'webp', 'avif', 'gif'])
const CROPS = new Set(['top', 'bottom', 'left', 'right', 'center', 'focalpoint', 'entropy'])

function number(params: URLSearchParams, name: string, min: number, max: number, integer = true): number | undefined {
  const raw = params.get(name)
  if (raw === null) return undefined
  const value = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    throw new ImageParamError(`invalid ${name}=${raw}: expected ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`)
  }
  return value
}

function color(raw: string): Rgba {
  const hex = raw.replace(/^#/, '')
  if (!/^[0-9a-fA-F]+$/.test(hex) || ![3, 4, 6, 8].includes(hex.length)) {
    throw new ImageParamError(`invalid bg=${raw}: expected RGB, ARGB, RRGGBB or AARRGGBB hex`)
  }
  const full = hex.length <= 4 ? [...hex].map((digit) => digit + digit).join('') : hex
  const channels = (full.match(/../g) ?? []).map((pair) => parseInt(pair, 16))
  const [a, r, g, b] = channels.length === 4 ? channels : [255, ...channels]
  return { r: r ?? 0, g: g ?? 0, b: b ?? 0, alpha: (a ?? 255) / 255 }
}

export function parseImageParams(params: URLSearchParams): ImageTransform {
  const fit = params.get('fit') ?? 'clip'
  if (!FITS.has(fit as Fit)) throw new ImageParamError(`invalid fit=${fit}`)
  const format = params.get('fm') ?? undefined
  if (format !== undefined && !FORMATS.has(format as OutputFormat)) throw new ImageParamError(`invalid fm=${format}`)
  const crop = (params.get('crop') ?? 'center').split(',').map((part) => part.trim())
  if (crop.some((part) => !CROPS.has(part))) throw new ImageParamError(`invalid crop=${params.get('crop') ?? ''}`)
  const orientation = number(params, 'or', 0, 270) ?? 0
  if (![0, 90, 180, 270].includes(orientation)) throw new ImageParamError(`invalid or=${orientation}: expected 0, 90, 180 or 270`)
  const flip = params.get('flip') ?? ''
  if (!['', 'h', 'v', 'hv', 'vh'].includes(flip)) throw new ImageParamError(`invalid flip=${flip}`)
  const auto = params.get('auto')
  if (auto !== null && auto !== 'format') throw new ImageParamError(`invalid auto=${auto}: only auto=format is supported`)

  let rect: ImageTransform['rect']
  const rawRect = params.get('rect')
  if (rawRect !== null) {
    const parts = rawRect.split(',').map(Number)
    const [left, top, width, height] = parts
    if (
      parts.length !== 4 ||
      parts.some((part) => !Number.isInteger(part) || part < 0) ||
      left === undefined ||
      top === undefined ||
      width === undefined ||
      height === undefined ||
      width < 1 ||
      height < 1
    ) {
      throw new ImageParamError(`invalid rect=${rawRect}: expected left,top,width,height in whole pixels`)
    }
    rect = { left, top, width, height }
  }
  const fpX = number(params, 'fp-x', 0, 1, false)
  const fpY = number(params, 'fp-y', 0, 1, false)
  const bg = params.get('bg')
  const download = params.get('dl')

  return {
    rect,
    width: number(params, 'w', 1, MAX_SIDE),
    height: number(params, 'h', 1, MAX_SIDE),
    maxWidth: number(params, 'max-w', 1, MAX_SIDE),
    maxHeight: number(params, 'max-h', 1, MAX_SIDE),
    minWidth: number(params, 'min-w', 1, MAX_SIDE),
    minHeight: number(params, 'min-h', 1, MAX_SIDE),
    fit: fit as Fit,
    crop,
    focalPoint: fpX !== undefined || fpY !== undefined ? { x: fpX ?? 0.5, y: fpY ?? 0.5 } : undefined,
    quality: number(params, 'q', 0, 100),
    format: format as OutputFormat | undefined,
    autoFormat: auto === 'format',
    dpr: number(params, 'dpr', 1, 3, false) ?? 1,
    blur: number(params, 'blur', 0, 2000),
    sharpen: number(params, 'sharp', 0, 100),
    saturation: number(params, 'sat', -100, 100),
    invert: params.get('invert') === 'true' || params.get('invert') === '1',
    flipHorizontal: flip.includes('h'),
    flipVertical: flip.includes('v'),
    orientation: orientation as ImageTransform['orientation'],
    background: bg === null ? undefined : color(bg),
    pad: number(params, 'pad', 0, 1000) ?? 0,
    download: download === null ? undefined : download,
  }
}

/** Everything that changes the pixels, in a stable order: the cache key of a rendition. */
export function renditionKey(transform: ImageTransform, format: string): string {
  const { download: _download, autoFormat: _auto, format: _format, ...pixels } = transform
  return `${format}:${JSON.stringify(pixels)}`
}

/** True when the original bytes can be sent as they are. */
export function isIdentity(transform: ImageTransform): boolean {
  return (
    transform.rect === undefined &&
    transform.width === undefined &&
    transform.height === undefined &&
    transform.maxWidth === undefined &&
    transform.maxHeight === undefined &&
    transform.minWidth === undefined &&
    transform.minHeight === undefined &&
    transform.quality === undefined &&
    transform.blur === undefined &&
    transform.sharpen === undefined &&
    transform.saturation === undefined &&
    !transform.invert &&
    !transform.flipHorizontal &&
    !transform.flipVertical &&
    transform.orientation === 0 &&
    transform.pad === 0 &&
    transform.background === undefined
  )
}
