import type { JsonObject, LakeDocument } from '../types.js'
import { MAX_DOCUMENT_DEPTH, nestsDeeperThan } from './depth.js'
import { isValidDocumentId, newArrayKey, newDocumentId, newRevisionId } from './ids.js'
import { applyPatch, PatchError } from './patch.js'
import { PathSyntaxError } from './patch-path.js'
import { strongReferences } from './references.js'
import type { DocumentStore } from './store.js'

export type Operation = 'create' | 'update' | 'delete' | 'none'

export interface MutationResult {
  id: string
  operation: Operation
}

export interface DocumentChange {
  id: string
  before: LakeDocument | null
  after: LakeDocument | null
}

/** A transaction checked against the store and ready to persist; nothing is applied yet. */
export interface PreparedTransaction {
  transactionId: string
  timestamp: string
  results: MutationResult[]
  changes: Map<string, DocumentChange>
  /**
   * For each changed document, the mutations that changed it, in order, each naming only that
   * document (patches carry its `id`): what a listener event for the document reports.
   */
  mutationsByDocument: Map<string, JsonObject[]>
  /** Who committed it (a user id); listeners report it as the event's `identity`. */
  identity: string
}

interface ErrorItem {
  error: { description: string; id?: string; type: string }
  index: number
}

/**
 * A transaction that can't be applied; nothing of it is. `body` matches Sanity's error shape:
 * `mutationError` for the mutate endpoint, `actionError` for the Actions API.
 */
export class MutationError extends Error {
  override name = 'MutationError'
  constructor(
    readonly status: number,
    readonly items: ErrorItem[],
    description = `The mutation(s) failed: ${items.map((item) => item.error.description).join('; ')}`,
    /** `mutationError`, `actionError`, or a specific type such as `transactionAlreadyExistsError`. */
    readonly kind: string = 'mutationError',
  ) {
    super(description)
  }

  get body(): { error: { type: string; description: string; items: ErrorItem[] } } {
    return { error: { type: this.kind, description: this.message, items: this.items } }
  }

  /** The same failure as the Actions API reports it. */
  asActionError(): MutationError {
    if (this.kind !== 'mutationError') return this
    return new MutationError(
      this.status,
      this.items,
      this.message.replace(/^The mutation\(s\) failed/, 'The action(s) failed'),
      'actionError',
    )
  }
}

export interface TransactionOptions {
  transactionId?: string
  now?: Date
  autoGenerateArrayKeys?: boolean
  identity?: string
  /** Ids of the documents a GROQ query returns, evaluated over `documents`. */
  select: (query: string, params: Record<string, unknown>, documents: LakeDocument[]) => Promise<string[]>
}

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const SYSTEM_FIELDS = new Set(['_id', '_type', '_rev', '_createdAt', '_updatedAt', '_originalId'])

/** The identity of a transaction nobody signed: Sanity reports such writes as the system user's. */
export const SYSTEM_IDENTITY = '<system>'

export async function prepareTransaction(
  store: DocumentStore,
  mutations: unknown,
  options: TransactionOptions,
): Promise<PreparedTransaction> {
  if (!Array.isArray(mutations) || mutations.length === 0) {
    throw new MutationError(400, [], 'The request body needs "mutations": a non-empty array')
  }
  const builder = new TransactionBuilder(store, options)
  for (const [index, mutation] of mutations.entries()) await builder.apply(mutation, index)
  return builder.finish()
}

/**
 * A transaction being put together: mutations apply one after another to a working copy of the
 * documents they touch, so later ones see earlier ones, and `finish()` checks and stamps the
 * result. Nothing reaches the store until the caller commits what `finish()` returns.
 */
export class TransactionBuilder {
  readonly transactionId: string
  readonly timestamp: string
  private readonly working = new Map<string, LakeDocument | null>()
  private readonly results: MutationResult[] = []
  private readonly mutationsByDocument = new Map<string, JsonObject[]>()

  constructor(
    private readonly store: DocumentStore,
    private readonly options: TransactionOptions,
  ) {
    this.transactionId = options.transactionId ?? newRevisionId()
    this.timestamp = (options.now ?? new Date()).toISOString()
  }

  /** A document as this transaction has left it so far; null if it does not exist (any more). */
  current(id: string): LakeDocument | null {
    return this.working.has(id) ? (this.working.get(id) ?? null) : (this.store.get(id) ?? null)
  }

  /** Ids of every document that exists at this point of the transaction and passes `test`. */
  idsWhere(test: (id: string) => boolean): string[] {
    const ids: string[] = []
    for (const id of this.working.keys()) if (test(id) && this.current(id)) ids.push(id)
    for (const document of this.store.values()) {
      if (!this.working.has(document._id) && test(document._id)) ids.push(document._id)
    }
    return ids
  }

  private fail(status: number, index: number, type: string, description: string, id?: string): never {
    throw new MutationError(status, [{ error: { description, type, ...(id === undefined ? {} : { id }) }, index }])
  }

  private record(id: string, mutation: JsonObject): void {
    const list = this.mutationsByDocument.get(id)
    if (list) list.push(mutation)
    else this.mutationsByDocument.set(id, [mutation])
  }

  private workingDocuments(): LakeDocument[] {
    const documents: LakeDocument[] = []
    for (const document of this.store.values()) {
      const latest = this.current(document._id)
      if (latest) documents.push(latest)
    }
    for (const [id, document] of this.working) if (document && !this.store.get(id)) documents.push(document)
    return documents
  }

  private async selectIds(index: number, selection: JsonObject): Promise<string[]> {
    if (typeof selection.id === 'string') return [selection.id]
    if (Array.isArray(selection.id) && selection.id.every((id) => typeof id === 'string')) return selection.id as string[]
    if (typeof selection.query === 'string') {
      const params = isRecord(selection.params) ? selection.params : {}
      try {
        return await this.options.select(selection.query, params, this.workingDocuments())
      } catch (error) {
        return this.fail(400, index, 'queryError', `query failed: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    return this.fail(400, index, 'invalidMutation', 'needs "id" or "query"')
  }

  /** Applies one mutation (`{create: …}`, `{patch: …}`, …) to the working documents. */
  async apply(mutation: unknown, index: number): Promise<void> {
    if (!isRecord(mutation)) this.fail(400, index, 'invalidMutation', 'each mutation must be an object')
    const kinds = Object.keys(mutation as JsonObject)
    const kind = kinds[0]
    if (kinds.length !== 1 || kind === undefined) this.fail(400, index, 'invalidMutation', 'each mutation needs exactly one operation')
    const body = (mutation as JsonObject)[kind as string]
    if (!isRecord(body)) return this.fail(400, index, 'invalidMutation', `${String(kind)} needs an object`)

    switch (kind) {
      case 'create':
      case 'createOrReplace':
      case 'createIfNotExists': {
        const document = newDocument(body, kind, index, (...args) => this.fail(...args))
        const existing = this.current(document._id)
        if (existing && kind === 'create') {
          this.fail(409, index, 'documentAlreadyExistsError', `Document by ID "${document._id}" already exists`, document._id)
        }
        if (existing && kind === 'createIfNotExists') {
          this.results.push({ id: document._id, operation: 'none' })
          break
        }
        const created = {
          ...document,
          _createdAt: typeof body._createdAt === 'string' ? body._createdAt : (existing?._createdAt ?? this.timestamp),
        }
        this.working.set(document._id, created)
        this.record(document._id, { [kind]: withoutRevision(created) })
        this.results.push({ id: document._id, operation: existing ? 'update' : 'create' })
        break
      }
      case 'delete': {
        for (const id of await this.selectIds(index, body)) {
          if (!this.current(id)) continue
          this.working.set(id, null)
          this.record(id, { delete: { id } })
          this.results.push({ id, operation: 'delete' })
        }
        break
      }
      case 'patch': {
        const ids = await this.selectIds(index, body)
        for (const id of ids) {
          const document = this.current(id)
          if (!document) return this.fail(404, index, 'documentNotFoundError', `Document "${id}" not found`, id)
          if (typeof body.ifRevisionID === 'string') {
            const revision = this.store.get(id)?._rev
            if (revision !== body.ifRevisionID) {
              this.fail(
                409,
                index,
                'documentRevisionIDDoesNotMatchError',
                `Document "${id}" has unexpected revision ID ("${String(revision)}"), expected "${body.ifRevisionID}"`,
                id,
              )
            }
          }
          let patched: LakeDocument
          try {
            patched = applyPatch(document, body)
          } catch (error) {
            if (error instanceof PatchError || error instanceof PathSyntaxError)
              return this.fail(400, index, 'invalidPatch', error.message, id)
            throw error
          }
          if (typeof patched._type !== 'string' || patched._type === '')
            this.fail(400, index, 'invalidPatch', '_type must stay a non-empty string', id)
          this.working.set(id, patched)
          const { query: _query, params: _params, ...operations } = body
          this.record(id, { patch: { ...operations, id } })
          this.results.push({ id, operation: 'update' })
        }
        break
      }
      default:
        this.fail(400, index, 'invalidMutation', `unknown mutation "${String(kind)}"`)
    }
  }

  /** Checks references and depth, and stamps every changed document with the transaction's revision. */
  finish(): PreparedTransaction {
    const changes = new Map<string, DocumentChange>()
    for (const [id, document] of this.working) {
      const before = this.store.get(id) ?? null
      if (!before && !document) continue
      if (document && nestsDeeperThan(document, MAX_DOCUMENT_DEPTH)) {
        this.fail(400, 0, 'invalidDocument', `Document "${id}" nests objects and arrays more than ${MAX_DOCUMENT_DEPTH} levels deep`, id)
      }
      const after = document ? stamp(document, this.transactionId, this.timestamp, this.options.autoGenerateArrayKeys === true) : null
      changes.set(id, { id, before, after })
    }
    checkReferences(this.store, changes, (id) => this.current(id))
    const mutationsByDocument = new Map([...this.mutationsByDocument].filter(([id]) => changes.has(id)))
    return {
      transactionId: this.transactionId,
      timestamp: this.timestamp,
      results: this.results,
      changes,
      mutationsByDocument,
      identity: this.options.identity ?? SYSTEM_IDENTITY,
    }
  }
}

function withoutRevision(document: LakeDocument): JsonObject {
  const { _rev: _revision, _updatedAt: _updated, ...rest } = document
  return rest
}

function newDocument(
  body: JsonObject,
  kind: string,
  index: number,
  fail: (status: number, index: number, type: string, description: string, id?: string) => never,
): LakeDocument {
  let id = body._id
  if (id === undefined && kind === 'create') id = newDocumentId()
  if (typeof id === 'string' && kind === 'create' && id.endsWith('.')) id = newDocumentId(id)
  if (typeof id !== 'string') return fail(400, index, 'invalidDocument', `${kind} needs a document with an _id`)
  if (!isValidDocumentId(id)) return fail(400, index, 'invalidDocumentId', `Document ID "${id}" is not valid`, id)
  if (typeof body._type !== 'string' || body._type === '') return fail(400, index, 'invalidDocument', `Document "${id}" needs a _type`, id)
  return { ...body, _id: id, _type: body._type, _rev: '', _createdAt: '', _updatedAt: '' }
}

/** System fields first, the way exports list them; a new revision and update time for the transaction. */
function stamp(document: LakeDocument, revision: string, timestamp: string, addKeys: boolean): LakeDocument {
  const content: JsonObject = {}
  for (const [key, value] of Object.entries(document)) if (!SYSTEM_FIELDS.has(key)) content[key] = value
  return {
    _id: document._id,
    _type: document._type,
    _createdAt: document._createdAt || timestamp,
    _updatedAt: timestamp,
    _rev: revision,
    ...(addKeys ? (withArrayKeys(content) as JsonObject) : content),
  }
}

function withArrayKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => {
      const keyed = withArrayKeys(item)
      return isRecord(keyed) && keyed._key === undefined ? { _key: newArrayKey(), ...keyed } : keyed
    })
  }
  if (!isRecord(value)) return value
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, withArrayKeys(field)]))
}

/**
 * Sanity's rule: a strong reference must point at an existing document, so a transaction may
 * neither add a reference to a missing document nor delete a referenced one. References a
 * document already had are not re-checked, so a seed with a dangling one can still be edited.
 */
function checkReferences(store: DocumentStore, changes: Map<string, DocumentChange>, current: (id: string) => LakeDocument | null): void {
  const items: ErrorItem[] = []
  for (const { id, before, after } of changes.values()) {
    if (after) {
      const existing = before ? strongReferences(before) : new Set<string>()
      for (const target of strongReferences(after)) {
        if (!existing.has(target) && !current(target)) {
          items.push({
            error: { id, type: 'referenceError', description: `Document "${id}" references non-existent document "${target}"` },
            index: 0,
          })
        }
      }
    } else {
      const holders = [...store.strongReferrers(id)].filter((source) => {
        const latest = changes.has(source) ? changes.get(source)?.after : store.get(source)
        return latest ? strongReferences(latest).has(id) : false
      })
      if (holders.length > 0) {
        items.push({
          error: {
            id,
            type: 'referenceError',
            description: `Document "${id}" cannot be deleted as there are references to it from "${holders.slice(0, 5).join('", "')}"`,
          },
          index: 0,
        })
      }
    }
  }
  if (items.length > 0) throw new MutationError(409, items)
}
