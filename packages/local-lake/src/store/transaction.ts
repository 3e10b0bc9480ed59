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
}

interface ErrorItem {
  error: { description: string; id?: string; type: string }
  index: number
}

/** A transaction that can't be applied; nothing of it is. `body` matches Sanity's mutationError. */
export class MutationError extends Error {
  override name = 'MutationError'
  constructor(
    readonly status: number,
    readonly items: ErrorItem[],
    description = `The mutation(s) failed: ${items.map((item) => item.error.description).join('; ')}`,
  ) {
    super(description)
  }

  get body(): { error: { type: 'mutationError'; description: string; items: ErrorItem[] } } {
    return { error: { type: 'mutationError', description: this.message, items: this.items } }
  }
}

export interface TransactionOptions {
  transactionId?: string
  now?: Date
  autoGenerateArrayKeys?: boolean
  /** Ids of the documents a GROQ query returns, evaluated over `documents`. */
  select: (query: string, params: Record<string, unknown>, documents: LakeDocument[]) => Promise<string[]>
}

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const SYSTEM_FIELDS = new Set(['_id', '_type', '_rev', '_createdAt', '_updatedAt', '_originalId'])

export async function prepareTransaction(
  store: DocumentStore,
  mutations: unknown,
  options: TransactionOptions,
): Promise<PreparedTransaction> {
  if (!Array.isArray(mutations) || mutations.length === 0) {
    throw new MutationError(400, [], 'The request body needs "mutations": a non-empty array')
  }
  const transactionId = options.transactionId ?? newRevisionId()
  const timestamp = (options.now ?? new Date()).toISOString()
  const working = new Map<string, LakeDocument | null>()
  const current = (id: string): LakeDocument | null => (working.has(id) ? (working.get(id) ?? null) : (store.get(id) ?? null))
  const results: MutationResult[] = []

  const fail = (status: number, index: number, type: string, description: string, id?: string): never => {
    throw new MutationError(status, [{ error: { description, type, ...(id === undefined ? {} : { id }) }, index }])
  }

  const workingDocuments = (): LakeDocument[] => {
    const documents: LakeDocument[] = []
    for (const document of store.values()) {
      const latest = current(document._id)
      if (latest) documents.push(latest)
    }
    for (const [id, document] of working) if (document && !store.get(id)) documents.push(document)
    return documents
  }

  const selectIds = async (index: number, selection: JsonObject): Promise<string[]> => {
    if (typeof selection.id === 'string') return [selection.id]
    if (Array.isArray(selection.id) && selection.id.every((id) => typeof id === 'string')) return selection.id as string[]
    if (typeof selection.query === 'string') {
      const params = isRecord(selection.params) ? selection.params : {}
      try {
        return await options.select(selection.query, params, workingDocuments())
      } catch (error) {
        return fail(400, index, 'queryError', `query failed: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    return fail(400, index, 'invalidMutation', 'needs "id" or "query"')
  }

  for (const [index, mutation] of mutations.entries()) {
    if (!isRecord(mutation)) fail(400, index, 'invalidMutation', 'each mutation must be an object')
    const kinds = Object.keys(mutation as JsonObject)
    const kind = kinds[0]
    if (kinds.length !== 1 || kind === undefined) fail(400, index, 'invalidMutation', 'each mutation needs exactly one operation')
    const body = (mutation as JsonObject)[kind as string]
    if (!isRecord(body)) return fail(400, index, 'invalidMutation', `${String(kind)} needs an object`)

    switch (kind) {
      case 'create':
      case 'createOrReplace':
      case 'createIfNotExists': {
        const document = newDocument(body, kind, index, fail)
        const existing = current(document._id)
        if (existing && kind === 'create') {
          fail(409, index, 'documentAlreadyExistsError', `Document by ID "${document._id}" already exists`, document._id)
        }
        if (existing && kind === 'createIfNotExists') {
          results.push({ id: document._id, operation: 'none' })
          break
        }
        working.set(document._id, {
          ...document,
          _createdAt: typeof body._createdAt === 'string' ? body._createdAt : (existing?._createdAt ?? timestamp),
        })
        results.push({ id: document._id, operation: existing ? 'update' : 'create' })
        break
      }
      case 'delete': {
        for (const id of await selectIds(index, body)) {
          if (!current(id)) continue
          working.set(id, null)
          results.push({ id, operation: 'delete' })
        }
        break
      }
      case 'patch': {
        const ids = await selectIds(index, body)
        for (const id of ids) {
          const document = current(id)
          if (!document) return fail(404, index, 'documentNotFoundError', `Document "${id}" not found`, id)
          if (typeof body.ifRevisionID === 'string') {
            const revision = store.get(id)?._rev
            if (revision !== body.ifRevisionID) {
              fail(409, index, 'documentRevisionIDDoesNotMatchError',
                `Document "${id}" has unexpected revision ID ("${String(revision)}"), expected "${body.ifRevisionID}"`, id)
            }
          }
          let patched: LakeDocument
          try {
            patched = applyPatch(document, body)
          } catch (error) {
            if (error instanceof PatchError || error instanceof PathSyntaxError) return fail(400, index, 'invalidPatch', error.message, id)
            throw error
          }
          if (typeof patched._type !== 'string' || patched._type === '') fail(400, index, 'invalidPatch', '_type must stay a non-empty string', id)
          working.set(id, patched)
          results.push({ id, operation: 'update' })
        }
        break
      }
      default:
        fail(400, index, 'invalidMutation', `unknown mutation "${String(kind)}"`)
    }
  }

  const changes = new Map<string, DocumentChange>()
  for (const [id, document] of working) {
    const before = store.get(id) ?? null
    if (!before && !document) continue
    if (document && nestsDeeperThan(document, MAX_DOCUMENT_DEPTH)) {
      fail(400, 0, 'invalidDocument', `Document "${id}" nests objects and arrays more than ${MAX_DOCUMENT_DEPTH} levels deep`, id)
    }
    const after = document ? stamp(document, transactionId, timestamp, options.autoGenerateArrayKeys === true) : null
    changes.set(id, { id, before, after })
  }
  checkReferences(store, changes, current)
  return { transactionId, timestamp, results, changes }
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
function checkReferences(
  store: DocumentStore,
  changes: Map<string, DocumentChange>,
  current: (id: string) => LakeDocument | null,
): void {
  const items: ErrorItem[] = []
  for (const { id, before, after } of changes.values()) {
    if (after) {
      const existing = before ? strongReferences(before) : new Set<string>()
      for (const target of strongReferences(after)) {
        if (!existing.has(target) && !current(target)) {
          items.push({ error: { id, type: 'referenceError', description: `Document "${id}" references non-existent document "${target}"` }, index: 0 })
        }
      }
    } else {
      const holders = [...store.strongReferrers(id)].filter((source) => {
        const latest = changes.has(source) ? changes.get(source)?.after : store.get(source)
        return latest ? strongReferences(latest).has(id) : false
      })
      if (holders.length > 0) {
        items.push({
          error: { id, type: 'referenceError', description: `Document "${id}" cannot be deleted as there are references to it from "${holders.slice(0, 5).join('", "')}"` },
          index: 0,
        })
      }
    }
  }
  if (items.length > 0) throw new MutationError(409, items)
}
