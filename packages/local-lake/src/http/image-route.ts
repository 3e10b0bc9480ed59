import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ImageFile } from '../dataset/image-files.js'
import { ByteLruCache } from './lru-cache.js'
import { ImageParamError, isIdentity, parseImageParams, renditionKey, type ImageTransform, type OutputFormat } from './image-params.js'
import { renderImage } from './image-render.js'
import { badRequestOn, HttpError } from './respond.js'

const MIME: Record<OutputFormat | 'svg' | 'tiff', string> = {
  jpg: 'image/jpeg',
  pjpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  tiff: 'image/tiff',
}

/** The format a transformed source is encoded in when the URL names none. */
const NATIVE: Record<string, OutputFormat> = { jpg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif', svg: 'png', tiff: 'jpg' }

interface Rendition {
  body: Buffer
  contentType: string
  byteLength: number
}

/**
 * Image files at the CDN path `/images/<projectId>/<dataset>/<sha1>-<w>x<h>.<ext>`, transformed
 * with sharp per the URL parameters. Renditions are kept in a byte-bounded LRU, and identical
 * concurrent requests share one render.
 */
export class ImageService {
  private readonly cache: ByteLruCache<Rendition>
  private readonly rendering = new Map<string, Promise<Rendition>>()

  constructor(
    private readonly images: ReadonlyMap<string, ImageFile>,
    cacheBytes: number,
  ) {
    this.cache = new ByteLruCache(cacheBytes)
  }

  async serve(request: IncomingMessage, response: ServerResponse, fileName: string, params: URLSearchParams): Promise<number> {
    const image = this.images.get(fileName)
    if (!image) throw new HttpError(404, `Image "${fileName}" not found`)
    const transform = badRequestOn(ImageParamError, () => parseImageParams(params))
    const format = chooseFormat(transform, image, request.headers.accept ?? '')
    const key = format === 'original' ? `${fileName}:original` : `${fileName}:${renditionKey(transform, format)}`
    const rendition = await this.rendition(key, image, transform, format)
    const headers: Record<string, string> = {
      'content-type': rendition.contentType,
      'content-length': String(rendition.byteLength),
      'cache-control': 'public, max-age=31536000, immutable',
      'access-control-allow-origin': '*',
    }
    if (transform.autoFormat) headers.vary = 'Accept'
    if (transform.download !== undefined) {
      const name = transform.download || image.fileName
      headers['content-disposition'] = `attachment; filename="${name.replace(/["\\\r\n]/g, '_')}"`
    }
    response.writeHead(200, headers)
    response.end(request.method === 'HEAD' ? undefined : rendition.body)
    return 200
  }

  private rendition(key: string, image: ImageFile, transform: ImageTransform, format: OutputFormat | 'original'): Promise<Rendition> {
    const cached = this.cache.get(key)
    if (cached) return Promise.resolve(cached)
    let pending = this.rendering.get(key)
    if (!pending) {
      pending = this.produce(image, transform, format)
        .then((rendition) => {
          this.cache.set(key, rendition)
          return rendition
        })
        .finally(() => this.rendering.delete(key))
      this.rendering.set(key, pending)
    }
    return pending
  }

  private async produce(image: ImageFile, transform: ImageTransform, format: OutputFormat | 'original'): Promise<Rendition> {
    const original = await readFile(image.path)
    if (format === 'original') return { body: original, contentType: image.mimeType, byteLength: original.length }
    const body = await badRequestOn(ImageParamError, () => renderImage(original, image, transform, format))
    return { body, contentType: MIME[format], byteLength: body.length }
  }
}

function chooseFormat(transform: ImageTransform, image: ImageFile, accept: string): OutputFormat | 'original' {
  let format = transform.format
  if (transform.autoFormat && image.extension !== 'gif' && image.extension !== 'svg') {
    if (accept.includes('image/avif')) format = 'avif'
    else if (accept.includes('image/webp')) format = 'webp'
  }
  const native = NATIVE[image.extension] ?? 'jpg'
  if (isIdentity(transform) && (format === undefined || format === image.extension)) return 'original'
  return format ?? native
}
