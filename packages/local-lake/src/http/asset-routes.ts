/*
 * Sanity's assets API: `POST /v<version>/assets/images/<dataset>` and `…/assets/files/<dataset>`
 * take the file's bytes as the body (`?filename=` names it) and answer `{document}`, the asset
 * document; `/files/<projectId>/<dataset>/<sha1>.<ext>` serves uploaded files as Sanity's file CDN
 * does (`?dl` downloads). Images are served by image-route.ts.
 */
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AssetKind } from '../dataset/asset-refs.js'
import type { ContentLake } from '../content-lake.js'
import { accessOf, requireToken } from './auth.js'
import { HttpError, readBody, sendJson } from './respond.js'

export interface AssetContext {
  lake: ContentLake
  token: string | undefined
  identity: string
  /** Largest accepted upload in bytes. */
  maxUploadBytes: number
}

export async function handleAssetUpload(
  context: AssetContext,
  request: IncomingMessage,
  response: ServerResponse,
  kind: AssetKind,
  search: URLSearchParams,
): Promise<void> {
  requireToken(accessOf(request, context.token), 'uploading assets')
  const bytes = await readBody(request, context.maxUploadBytes)
  if (bytes.length === 0) throw new HttpError(400, "The request body is empty: send the file's bytes")
  const document = await context.lake.uploadAsset(kind, bytes, search.get('filename') ?? undefined, context.identity)
  sendJson(response, 200, { document })
}

export async function handleFile(
  context: AssetContext,
  request: IncomingMessage,
  response: ServerResponse,
  fileName: string,
  search: URLSearchParams,
): Promise<void> {
  const file = context.lake.files.get(fileName)
  if (!file) throw new HttpError(404, `File "${fileName}" not found`)
  const body = await readFile(file.path)
  const download = search.get('dl')
  const headers: Record<string, string> = {
    'content-type': file.mimeType,
    'content-length': String(body.length),
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    // An uploaded HTML or SVG file must not run as a page of the lake's origin.
    'content-security-policy': "sandbox; default-src 'none'",
  }
  if (download !== null) {
    const name = (download === '' ? file.fileName : download).replace(/["\\\r\n]/g, '')
    headers['content-disposition'] = `attachment; filename="${name}"`
  }
  response.writeHead(200, headers)
  response.end(request.method === 'HEAD' ? undefined : body)
}
