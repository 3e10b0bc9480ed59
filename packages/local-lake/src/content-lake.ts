import { join } from 'node:path'
import { withSanityAssets } from './dataset/asset-refs.js'
import { cdnFileName, imageAssetDocument, imageAssetId, type ImageFile } from './dataset/image-files.js'
import type { LoadedDataset } from './dataset/load.js'
import { DATA_FILE, writeFileAtomic } from './dataset/persist.js'
import { runQuery } from './query/evaluate.js'
import { isPathId } from './store/ids.js'
import type { Perspective } from './store/perspectives.js'
import { DocumentStore, View } from './store/store.js'
import { prepareTransaction, type PreparedTransaction } from './store/transaction.js'
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
}

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
  private readonly fileByAssetId = new Map<string, string>()
  /** Each document's data.ndjson line, so a write only serializes what the transaction changed. */
  private readonly exportLines: Map<string, Uint8Array>
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    loaded: LoadedDataset,
    private readonly config: ContentLakeConfig,
  ) {
    const assets: LakeDocument[] = []
    for (const image of loaded.images) {
      const id = imageAssetId(image)
      if (this.fileByAssetId.has(id)) continue // the same bytes under two names: one asset, as in Sanity
      this.fileByAssetId.set(id, image.fileName)
      this.images.set(cdnFileName(image), image)
      assets.push(imageAssetDocument(image, config))
    }
    const content = loaded.documents.filter((document) => {
      if (!this.fileByAssetId.has(document._id)) return true
      config.log(`data.ndjson: ${document._id} is replaced by the asset document made from images/`)
      return false
    })
    this.store = new DocumentStore([...content, ...assets])
    this.exportLines = new Map(loaded.exportLines)
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

  /** Runs a transaction after every earlier one has finished; all of it applies, or none. */
  mutate(mutations: unknown, options: MutateOptions = {}): Promise<PreparedTransaction> {
    const run = this.queue.then(() => this.runTransaction(mutations, options))
    this.queue = run.catch(() => undefined)
    return run
  }

  private async runTransaction(mutations: unknown, options: MutateOptions): Promise<PreparedTransaction> {
    const transaction = await prepareTransaction(this.store, mutations, {
      transactionId: options.transactionId,
      autoGenerateArrayKeys: options.autoGenerateArrayKeys,
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
