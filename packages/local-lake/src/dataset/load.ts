import { createHash } from 'node:crypto'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { isValidDocumentId } from '../store/ids.js'
import type { LakeDocument } from '../types.js'
import { withAssetReferences } from './asset-refs.js'
import { fileAssetId, readStoredFile, type StoredFile } from './file-assets.js'
import { IMAGE_FILE_PATTERN, imageAssetId, readImageFile, type ImageFile } from './image-files.js'
import { DATA_FILE, isTempDataFile } from './persist.js'

/** A problem with the dataset folder; the message names the file (and line) at fault. */
export class DatasetError extends Error {
  override name = 'DatasetError'
}

export interface LoadedDataset {
  /** Content documents in file order, image values already turned into asset references. */
  documents: LakeDocument[]
  /**
   * The bytes of the line each document came from, when it can be written back unchanged (by
   * id): views into the file as read, so a write copies them to disk without re-encoding.
   */
  exportLines: Map<string, Uint8Array>
  /** One entry per image file in images/. */
  images: ImageFile[]
  /** One entry per file in files/. */
  files: StoredFile[]
}

export async function loadDataset(datasetDir: string, log: (line: string) => void): Promise<LoadedDataset> {
  const folder = await stat(datasetDir).catch(() => undefined)
  if (!folder?.isDirectory()) throw new DatasetError(`dataset folder not found: ${datasetDir}`)
  const dataPath = join(datasetDir, DATA_FILE)
  const dataInfo = await stat(dataPath).catch(() => undefined)
  if (!dataInfo?.isFile()) throw new DatasetError(`${dataPath} not found (the dataset folder needs a data.ndjson)`)

  await removeStaleTempFiles(datasetDir, log)
  const images = await loadImages(join(datasetDir, 'images'), log)
  const files = await loadFiles(join(datasetDir, 'files'))
  const assetIds = new Map<string, string>([
    ...images.map((image): [string, string] => [`image:${image.fileName}`, imageAssetId(image)]),
    ...files.map((file): [string, string] => [`file:${file.fileName}`, fileAssetId(file)]),
  ])
  const bytes = await readFile(dataPath)
  const { documents, exportLines } = parseNdjson(bytes, dataPath, dataInfo.mtime.toISOString(), assetIds)
  return { documents, exportLines, images, files }
}

async function loadFiles(filesDir: string): Promise<StoredFile[]> {
  const entries = await readdir(filesDir, { withFileTypes: true }).catch(() => [])
  const names = entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name)
  names.sort()
  return Promise.all(names.map((name) => readStoredFile(join(filesDir, name), name)))
}

async function loadImages(imagesDir: string, log: (line: string) => void): Promise<ImageFile[]> {
  const entries = await readdir(imagesDir, { withFileTypes: true }).catch(() => [])
  const files = entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
  for (const file of files) {
    if (!IMAGE_FILE_PATTERN.test(file.name)) log(`images/${file.name}: not an image file, ignored`)
  }
  const imageFiles = files.filter((file) => IMAGE_FILE_PATTERN.test(file.name)).map((file) => file.name)
  imageFiles.sort()
  return Promise.all(
    imageFiles.map((name) =>
      readImageFile(join(imagesDir, name), name).catch((error: unknown) => {
        throw new DatasetError(`images/${name}: ${error instanceof Error ? error.message : String(error)}`)
      }),
    ),
  )
}

const NEWLINE = 0x0a

function parseNdjson(
  bytes: Buffer,
  dataPath: string,
  fileTimestamp: string,
  /** Asset ids by `<kind>:<file name>`. */
  assetIds: Map<string, string>,
): Pick<LoadedDataset, 'documents' | 'exportLines'> {
  const documents: LakeDocument[] = []
  const exportLines = new Map<string, Uint8Array>()
  const firstLine = new Map<string, number>()
  let start = 0
  for (let index = 0; start <= bytes.length; index++) {
    let end = bytes.indexOf(NEWLINE, start)
    if (end === -1) end = bytes.length
    const rawLine = bytes.toString('utf8', start, end)
    parseLine(rawLine, index + 1, () => bytes.subarray(start, end))
    start = end + 1
  }
  return { documents, exportLines }

  function parseLine(rawLine: string, lineNumber: number, lineBytes: () => Uint8Array): void {
    const line = rawLine.trim()
    if (line === '') return
    const fail = (problem: string): never => {
      throw new DatasetError(`${dataPath}:${lineNumber}: ${problem}`)
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch (error) {
      fail(`invalid JSON (${error instanceof Error ? error.message : String(error)})`)
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) fail('expected a JSON object')
    const record = parsed as Record<string, unknown>
    const id = record._id
    if (typeof id !== 'string' || !isValidDocumentId(id)) fail(`missing or invalid _id (${JSON.stringify(id)})`)
    if (typeof record._type !== 'string' || record._type === '') fail(`document "${String(id)}" has no _type`)
    const seenOn = firstLine.get(String(id))
    if (seenOn !== undefined) fail(`duplicate _id "${String(id)}" (first seen on line ${seenOn})`)
    firstLine.set(String(id), lineNumber)

    let converted: unknown = record
    try {
      if (line.includes('_sanityAsset'))
        converted = withAssetReferences(record, ({ kind, fileName }) => {
          const assetId = assetIds.get(`${kind}:${fileName}`)
          if (!assetId) throw new Error(`references ${kind === 'image' ? 'images' : 'files'}/${fileName}, which does not exist`)
          return assetId
        })
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error))
    }
    const complete = ['_createdAt', '_updatedAt', '_rev'].every((field) => typeof record[field] === 'string')
    if (complete) exportLines.set(String(id), line === rawLine ? lineBytes() : Buffer.from(line))
    documents.push(withSystemFields(converted as Record<string, unknown>, line, fileTimestamp))
  }
}

/** Fills in system fields an export always has but a hand-written seed may leave out. */
function withSystemFields(record: Record<string, unknown>, line: string, timestamp: string): LakeDocument {
  const createdAt = typeof record._createdAt === 'string' ? record._createdAt : timestamp
  return {
    ...record,
    _id: String(record._id),
    _type: String(record._type),
    _createdAt: createdAt,
    _updatedAt: typeof record._updatedAt === 'string' ? record._updatedAt : createdAt,
    // Derived from the content so it stays the same across restarts until the document changes.
    _rev: typeof record._rev === 'string' ? record._rev : createHash('sha1').update(line).digest('base64url').slice(0, 22),
  }
}

async function removeStaleTempFiles(datasetDir: string, log: (line: string) => void): Promise<void> {
  const entries = await readdir(datasetDir)
  for (const name of entries.filter(isTempDataFile)) {
    // A temp file is only left behind by a write that never reached its rename: data.ndjson is intact.
    await rm(join(datasetDir, name), { force: true })
    log(`removed ${name}, left over from an interrupted write`)
  }
}
