import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { imageSize } from 'image-size'
import sharp from 'sharp'
import type { LakeDocument } from '../types.js'
import { assetDocument } from './file-assets.js'

/** Formats the lake can describe and transform, keyed by image-size's type names. */
const FORMATS: Record<string, { extension: string; mimeType: string }> = {
  jpg: { extension: 'jpg', mimeType: 'image/jpeg' },
  png: { extension: 'png', mimeType: 'image/png' },
  webp: { extension: 'webp', mimeType: 'image/webp' },
  gif: { extension: 'gif', mimeType: 'image/gif' },
  avif: { extension: 'avif', mimeType: 'image/avif' },
  heif: { extension: 'avif', mimeType: 'image/avif' },
  tiff: { extension: 'tiff', mimeType: 'image/tiff' },
  svg: { extension: 'svg', mimeType: 'image/svg+xml' },
}

export const IMAGE_FILE_PATTERN = /\.(jpe?g|png|webp|gif|avif|tiff?|svg)$/i

/** An image file of the dataset folder, described the way Sanity describes an uploaded image. */
export interface ImageFile {
  fileName: string
  path: string
  sha1: string
  width: number
  height: number
  extension: string
  mimeType: string
  size: number
  modifiedAt: Date
  hasAlpha: boolean
  isOpaque: boolean
  lqip: string
}

export function imageAssetId(image: ImageFile): string {
  return `image-${image.sha1}-${image.width}x${image.height}-${image.extension}`
}

/** The file name in image CDN URLs: `<sha1>-<w>x<h>.<ext>`. */
export function cdnFileName(image: ImageFile): string {
  return `${image.sha1}-${image.width}x${image.height}.${image.extension}`
}

export async function readImageFile(path: string, fileName: string): Promise<ImageFile> {
  const [bytes, info] = await Promise.all([readFile(path), stat(path)])
  const size = imageSize(bytes)
  const format = size.type ? FORMATS[size.type] : undefined
  if (!format) throw new Error(`${fileName}: not a supported image (${size.type ?? 'unknown format'})`)
  const image = sharp(bytes)
  const metadata = await image.metadata()
  const hasAlpha = metadata.hasAlpha === true
  const isOpaque = hasAlpha ? (await image.stats()).isOpaque : true
  const lqipBytes = await sharp(bytes).resize(20, 20, { fit: 'inside' }).jpeg({ quality: 40 }).toBuffer()
  return {
    fileName,
    path,
    sha1: createHash('sha1').update(bytes).digest('hex'),
    width: size.width,
    height: size.height,
    extension: format.extension,
    mimeType: format.mimeType,
    size: bytes.length,
    modifiedAt: info.mtime,
    hasAlpha,
    isOpaque,
    lqip: `data:image/jpeg;base64,${lqipBytes.toString('base64')}`,
  }
}

export interface AssetLocation {
  baseUrl: string
  projectId: string
  dataset: string
}

/** The `sanity.imageAsset` document Sanity would hold for this file. */
export function imageAssetDocument(image: ImageFile, location: AssetLocation): LakeDocument {
  const path = `images/${location.projectId}/${location.dataset}/${cdnFileName(image)}`
  return {
    ...assetDocument(image, { _id: imageAssetId(image), _type: 'sanity.imageAsset', path }, location),
    metadata: {
      _type: 'sanity.imageMetadata',
      dimensions: {
        _type: 'sanity.imageDimensions',
        width: image.width,
        height: image.height,
        aspectRatio: image.width / image.height,
      },
      lqip: image.lqip,
      hasAlpha: image.hasAlpha,
      isOpaque: image.isOpaque,
    },
  }
}
