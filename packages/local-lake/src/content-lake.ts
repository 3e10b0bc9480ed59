import { createHash } from 'node:crypto'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { assetFolder, withSanityAssets, type AssetFileRef, type AssetKind } from './dataset/asset-refs.js'
import { fileAssetDocument, fileAssetId, fileCdnName, fileExtension, readStoredFile, type StoredFile } from './dataset/file-assets.js'
import { cdnFileName, imageAssetDocument, imageAssetId, readImageFile, type ImageFile } from './dataset/image-files.js'
import type { LoadedDataset } from './dataset/load.js'
import { DATA_FILE, writeFileAtomic } from './dataset/persist.js'
import { runQuery } from './query/evaluate.js'
import { isPathId } from './store/ids.js'
import type { Perspective } from './store/perspectives.js'
import { DocumentStore, View } from './store/store.js'
import {
  MutationError,
  prepareTransaction,
  TransactionBuilder,
  type PreparedTransaction,
  type TransactionOptions,
} from './store/transaction.js'
import type { LakeDocument } from './types.js'

export interface ContentLakeConfig {
  datasetDir: string
  projectId: string
  dataset: string
  /** Origin for image asset URLs. */
  baseUrl: string
  log: (line: string) => void
  /** Called after a transaction is on disk and visible to queries. */
  onCommit: (transaction: PreparedTransaction, store: DocumentStore) => void
}

export interface MutateOptions {
  transactionId?: string
  dryRun?: boolean
  autoGenerateArrayKeys?: boolean
  /** Who is writing (a user id); listeners report it. */
  identity?: string
}

/** Builds a transaction's changes on the builder (it throws MutationError for anything refused). */
export type TransactionBody = (builder: TransactionBuilder) => Promise<void>

export interface DocumentsById {
  documents: LakeDocument[]
  omitted: { id: string; reason: 'existence' | 'permission' }[]
}

const NEWLINE = Buffer.from('\n')

/**
 * The lake without HTTP: documents in memory, queries through groq-js, transactions applied
 * one at a time and written to data.ndjson before they become visible.
 */
export class ContentLake {
  readonly store: DocumentStore
  /** Image files by their CDN file name (`<sha1>-<w>x<h>.<ext>`). */
  readonly images = new Map<string, ImageFile>()
  /** Other files by their CDN file name (`<sha1>.<ext>`). */
  readonly files = new Map<string, StoredFile>()
  /** The file behind each asset document, which is made from the file and never written to data.ndjson. */
  private readonly fileByAssetId = new Map<string, AssetFileRef>()
  /** Each document's data.ndjson line, so a write only serializes what the transaction changed. */
  private readonly exportLines: Map<string, Uint8Array>
  private queue: Promise<unknown> = Promise.resolve()
  /** Ids of the transactions committed since start-up and the revisions loaded: never reused. */
  private readonly transactionIds = new Set<string>()

  constructor(
    loaded: LoadedDataset,
    private readonly config: ContentLakeConfig,
  ) {
    const assets: LakeDocument[] = []
    for (const image of loaded.images) {
      const document = this.registerImage(image)
      if (document) assets.push(document)
    }
    for (const file of loaded.files) {
      const document = this.registerFile(file)
      if (document) assets.push(document)
    }
    const content = loaded.documents.filter((document) => {
      if (!this.fileByAssetId.has(document._id)) return true
      config.log(
        `data.ndjson: ${document._id} is replaced by the asset document made from ${assetFolder(this.fileByAssetId.get(document._id)?.kind ?? 'image')}/`,
      )
      return false
    })
    this.store = new DocumentStore([...content, ...assets])
    for (const document of this.store.values()) this.transactionIds.add(document._rev)
    this.exportLines = new Map(loaded.exportLines)
  }

  /** Makes an image file servable; its asset document, or undefined when the same bytes are known already. */
  private registerImage(image: ImageFile): LakeDocument | undefined {
    const id = imageAssetId(image)
    if (this.fileByAssetId.has(id)) return undefined // the same bytes under two names: one asset, as in Sanity
    this.fileByAssetId.set(id, { kind: 'image', fileName: image.fileName })
    this.images.set(cdnFileName(image), image)
    return imageAssetDocument(image, this.config)
  }

  private registerFile(file: StoredFile): LakeDocument | undefined {
    const id = fileAssetId(file)
    if (this.fileByAssetId.has(id)) return undefined
    this.fileByAssetId.set(id, { kind: 'file', fileName: file.fileName })
    this.files.set(fileCdnName(file), file)
    return fileAssetDocument(file, this.config)
  }

  /**
   * An upload (Sanity's assets API): the bytes are stored in images/ or files/ under their
   * original name (made safe, and made unique if another file has it), and the asset document is
   * created in a transaction, so listeners, history and webhooks see it. The same bytes uploaded
   * again give the existing asset, as Sanity de-duplicates by hash.
   */
  uploadAsset(kind: AssetKind, bytes: Buffer, originalName: string | undefined, identity: string): Promise<LakeDocument> {
    const run = this.queue.then(async () => {
      const sha1 = createHash('sha1').update(bytes).digest('hex')
      const existing = this.assetWithHash(kind, sha1)
      if (existing) return existing
      const folder = join(this.config.datasetDir, assetFolder(kind))
      await mkdir(folder, { recursive: true })
      const fileName = await this.freeFileName(folder, originalName, sha1, kind)
      const path = join(folder, fileName)
      await writeFileAtomic(path, [bytes])
      let document: LakeDocument | undefined
      try {
        document =
          kind === 'image'
            ? this.registerImage(await readImageFile(path, fileName))
            : this.registerFile(await readStoredFile(path, fileName))
      } catch (error) {
        await rm(path, { force: true })
        throw new MutationError(400, [], `Not a supported image: ${error instanceof Error ? error.message : String(error)}`, 'invalidAsset')
      }
      if (!document) throw new Error(`asset for ${fileName} was registered twice`)
      const transaction = await this.runTransaction({ identity }, (options) =>
        prepareTransaction(this.store, [{ createIfNotExists: document }], options),
      )
      return transaction.changes.get(document._id)?.after ?? document
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  private assetWithHash(kind: AssetKind, sha1: string): LakeDocument | undefined {
    for (const [id, file] of this.fileByAssetId) {
      if (file.kind === kind && id.startsWith(`${kind}-${sha1}-`)) return this.store.get(id)
    }
    return undefined
  }

  private async freeFileName(folder: string, originalName: string | undefined, sha1: string, kind: AssetKind): Promise<string> {
    const taken = new Set(await readdir(folder))
    const original = basename(originalName ?? '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[.-]+/, '')
    const extension = kind === 'file' ? fileExtension(original) : extname(original).slice(1).toLowerCase() || 'img'
    const stem = original.slice(0, original.length - extname(original).length).slice(0, 80) || sha1.slice(0, 12)
    for (const candidate of [`${stem}.${extension}`, `${stem}-${sha1.slice(0, 8)}.${extension}`, `${sha1}.${extension}`]) {
      if (!taken.has(candidate)) return candidate
    }
    throw new MutationError(409, [], `A file named ${sha1}.${extension} exists with other content`, 'invalidAsset')
  }

  async query(query: string, params: Record<string, unknown>, perspective: Perspective): Promise<unknown> {
    return this.queryView(query, params, this.store.view(perspective))
  }

  private queryView(query: string, params: Record<string, unknown>, view: View): Promise<unknown> {
    return runQuery({ query, params, view, projectId: this.config.projectId, dataset: this.config.dataset })
  }

  /** The doc endpoint: documents by id, raw; ids with a path need a token. */
  documentsById(ids: string[], withToken: boolean): DocumentsById {
    const result: DocumentsById = { documents: [], omitted: [] }
    for (const id of ids) {
      if (isPathId(id) && !withToken) result.omitted.push({ id, reason: 'permission' })
      else {
        const document = this.store.get(id)
        if (document) result.documents.push(document)
        else result.omitted.push({ id, reason: 'existence' })
      }
    }
    return result
  }

  /** Runs mutations as one transaction, after every earlier one has finished; all of it applies, or none. */
  mutate(mutations: unknown, options: MutateOptions = {}): Promise<PreparedTransaction> {
    return this.enqueue(options, (transactionOptions) => prepareTransaction(this.store, mutations, transactionOptions))
  }

  /**
   * Runs a transaction whose changes `body` builds from the current documents (the Actions API
   * decides what to write by what exists), under the same rules as mutate().
   */
  transact(body: TransactionBody, options: MutateOptions = {}): Promise<PreparedTransaction> {
    return this.enqueue(options, async (transactionOptions) => {
      const builder = new TransactionBuilder(this.store, transactionOptions)
      await body(builder)
      return builder.finish()
    })
  }

  private enqueue(
    options: MutateOptions,
    prepare: (options: TransactionOptions) => Promise<PreparedTransaction>,
  ): Promise<PreparedTransaction> {
    const run = this.queue.then(() => this.runTransaction(options, prepare))
    this.queue = run.catch(() => undefined)
    return run
  }

  private async runTransaction(
    options: MutateOptions,
    prepare: (options: TransactionOptions) => Promise<PreparedTransaction>,
  ): Promise<PreparedTransaction> {
    if (options.transactionId !== undefined && this.transactionIds.has(options.transactionId)) {
      // Sanity's rule: a client-chosen transaction id is unique in the dataset, so a retried
      // request cannot apply twice.
      throw new MutationError(409, [], `Transaction "${options.transactionId}" already exists`, 'transactionAlreadyExistsError')
    }
    const transaction = await prepare({
      transactionId: options.transactionId,
      autoGenerateArrayKeys: options.autoGenerateArrayKeys,
      identity: options.identity,
      select: async (query, params, documents) => {
        const result = await this.queryView(query, params, new View(documents))
        const items = Array.isArray(result) ? result : [result]
        return items.flatMap((item) =>
          typeof item === 'object' && item !== null && typeof (item as { _id?: unknown })._id === 'string'
            ? [(item as { _id: string })._id]
            : [],
        )
      },
    })
    if (options.dryRun) return transaction
    const after = new Map<string, LakeDocument | null>()
    const changedLines = new Map<string, Uint8Array>()
    for (const [id, change] of transaction.changes) {
      after.set(id, change.after)
      if (change.after) changedLines.set(id, this.toExportLine(change.after))
    }
    await writeFileAtomic(join(this.config.datasetDir, DATA_FILE), this.exportNdjson(after, changedLines))
    this.store.commit(after)
    this.transactionIds.add(transaction.transactionId)
    for (const id of after.keys()) {
      const line = changedLines.get(id)
      if (line === undefined) this.exportLines.delete(id)
      else this.exportLines.set(id, line)
    }
    this.config.onCommit(transaction, this.store)
    return transaction
  }

  private toExportLine(document: LakeDocument): Uint8Array {
    return Buffer.from(JSON.stringify(withSanityAssets(document, (assetId) => this.fileByAssetId.get(assetId))))
  }

  /**
   * data.ndjson as it will be once `changes` apply (file order kept, new documents last), as the
   * lines' bytes: unchanged lines are the bytes read or last written, never encoded again.
   */
  private exportNdjson(changes: ReadonlyMap<string, LakeDocument | null>, changedLines: ReadonlyMap<string, Uint8Array>): Uint8Array[] {
    const lines: Uint8Array[] = []
    const lineOf = (document: LakeDocument): Uint8Array => {
      const changed = changedLines.get(document._id)
      if (changed !== undefined) return changed
      let line = this.exportLines.get(document._id)
      if (line === undefined) {
        line = this.toExportLine(document)
        this.exportLines.set(document._id, line)
      }
      return line
    }
    for (const document of this.store.values()) {
      // Asset documents are made from images/ at start-up; the folder keeps only the files.
      if (this.fileByAssetId.has(document._id)) continue
      const next = changes.has(document._id) ? changes.get(document._id) : document
      if (next) lines.push(lineOf(next))
    }
    for (const [id, document] of changes) {
      if (document && !this.store.get(id) && !this.fileByAssetId.has(id)) lines.push(lineOf(document))
    }
    return lines.flatMap((line) => [line, NEWLINE])
  }
}
