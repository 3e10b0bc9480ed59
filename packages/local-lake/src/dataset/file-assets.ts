import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import type { LakeDocument } from '../types.js'
import type { AssetLocation } from './image-files.js'

/** A file of the dataset's files/ folder, described the way Sanity describes an uploaded file. */
export interface StoredFile {
  fileName: string
  path: string
  sha1: string
  extension: string
  mimeType: string
  size: number
  modifiedAt: Date
}

/** Content types by extension for the files an editor is likely to attach; anything else is binary. */
const MIME_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  webm: 'video/webm',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  svg: 'image/svg+xml',
}

export function fileExtension(fileName: string): string {
  const extension = extname(fileName).slice(1).toLowerCase()
  return /^[a-z0-9]{1,10}$/.test(extension) ? extension : 'bin'
}

export function mimeTypeOf(extension: string): string {
  return MIME_TYPES[extension] ?? 'application/octet-stream'
}

export async function readStoredFile(path: string, fileName: string): Promise<StoredFile> {
  const [bytes, info] = await Promise.all([readFile(path), stat(path)])
  const extension = fileExtension(fileName)
  return {
    fileName,
    path,
    sha1: createHash('sha1').update(bytes).digest('hex'),
    extension,
    mimeType: mimeTypeOf(extension),
    size: bytes.length,
    modifiedAt: info.mtime,
  }
}

export function fileAssetId(file: StoredFile): string {
  return `file-${file.sha1}-${file.extension}`
}

/** The file name in file CDN URLs: `<sha1>.<ext>`. */
export function fileCdnName(file: StoredFile): string {
  return `${file.sha1}.${file.extension}`
}

/** The `sanity.fileAsset` document Sanity would hold for this file. */
export function fileAssetDocument(file: StoredFile, location: AssetLocation): LakeDocument {
  return assetDocument(
    file,
    { _id: fileAssetId(file), _type: 'sanity.fileAsset', path: `files/${location.projectId}/${location.dataset}/${fileCdnName(file)}` },
    location,
  )
}

/** The fields every Sanity asset document has (`sanity.imageAsset` adds its metadata). */
export function assetDocument(
  file: StoredFile,
  { _id, _type, path }: { _id: string; _type: string; path: string },
  location: AssetLocation,
): LakeDocument {
  const timestamp = file.modifiedAt.toISOString()
  return {
    _id,
    _type,
    _rev: file.sha1.slice(0, 22),
    _createdAt: timestamp,
    _updatedAt: timestamp,
    assetId: file.sha1,
    extension: file.extension,
    mimeType: file.mimeType,
    originalFilename: file.fileName,
    path,
    url: `${location.baseUrl.replace(/\/+$/, '')}/${path}`,
    sha1hash: file.sha1,
    size: file.size,
  }
}
