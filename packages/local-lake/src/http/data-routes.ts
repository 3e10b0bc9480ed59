import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ContentLake } from '../content-lake.js'
import { applyActions } from '../store/actions.js'
import { MutationError } from '../store/transaction.js'
import { parsePerspective, PerspectiveError, perspectiveNeedsToken, type Perspective } from '../store/perspectives.js'
import type { LakeDocument } from '../types.js'
import { accessOf, requireToken, type Access } from './auth.js'
import { badRequestOn, HttpError, paramsFromSearch, readJsonBody, sendJson } from './respond.js'

export interface DataContext {
  lake: ContentLake
  token: string | undefined
  maxBodyBytes: number
  /** The user id writes with the token are attributed to (listener events, history). */
  identity: string
}

/** API versions before this one default to the raw perspective (for authenticated requests). */
const PUBLISHED_BY_DEFAULT_FROM = '2025-02-19'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The JSON body of a write (which needs the token): an object carrying `field`. */
async function readWrite(context: DataContext, request: IncomingMessage, field: 'mutations' | 'actions'): Promise<Record<string, unknown>> {
  requireToken(accessOf(request, context.token), field === 'mutations' ? 'mutating documents' : 'actions')
  const body = await readJsonBody(request, context.maxBodyBytes)
  if (!isRecord(body)) throw new HttpError(400, `Request body must be a JSON object with "${field}"`)
  return body
}

function choosePerspective(requested: string | undefined, apiVersion: string, access: Access): Perspective {
  const perspective = badRequestOn(PerspectiveError, () => parsePerspective(requested))
  if (requested === undefined || requested === '') {
    const legacy = apiVersion === '1' || (/^\d{4}-\d{2}-\d{2}$/.test(apiVersion) && apiVersion < PUBLISHED_BY_DEFAULT_FROM)
    return legacy && access === 'token' ? { kind: 'raw' } : { kind: 'published' }
  }
  if (perspectiveNeedsToken(perspective)) requireToken(access, `the "${requested}" perspective`)
  return perspective
}

export async function handleQuery(
  context: DataContext,
  request: IncomingMessage,
  response: ServerResponse,
  apiVersion: string,
  search: URLSearchParams,
): Promise<void> {
  const started = performance.now()
  const access = accessOf(request, context.token)
  let query: unknown
  let params: Record<string, unknown>
  let requested = search.get('perspective') ?? undefined
  if (request.method === 'POST') {
    const body = await readJsonBody(request, context.maxBodyBytes)
    if (!isRecord(body)) throw new HttpError(400, 'Request body must be a JSON object with "query"')
    if (body.params !== undefined && !isRecord(body.params)) throw new HttpError(400, '"params" must be an object')
    query = body.query
    params = { ...paramsFromSearch(search), ...(body.params ?? {}) }
    if (requested === undefined && typeof body.perspective === 'string') requested = body.perspective
  } else {
    query = search.get('query') ?? undefined
    params = paramsFromSearch(search)
  }
  if (typeof query !== 'string' || query.trim() === '') throw new HttpError(400, 'Missing "query"')
  const perspective = choosePerspective(requested, apiVersion, access)
  const result = await context.lake.query(query, params, perspective)
  const ms = Math.round(performance.now() - started)
  sendJson(response, 200, search.get('returnQuery') === 'false' ? { result, ms } : { query, result, ms })
}

export function handleDoc(context: DataContext, request: IncomingMessage, response: ServerResponse, idList: string): void {
  const access = accessOf(request, context.token)
  const ids = idList
    .split(',')
    .map((id) => decodeURIComponent(id).trim())
    .filter((id) => id !== '')
  if (ids.length === 0) throw new HttpError(400, 'Missing document id')
  sendJson(response, 200, context.lake.documentsById(ids, access === 'token'))
}

const VISIBILITIES = new Set(['sync', 'async', 'deferred'])

export async function handleMutate(
  context: DataContext,
  request: IncomingMessage,
  response: ServerResponse,
  search: URLSearchParams,
): Promise<void> {
  const body = await readWrite(context, request, 'mutations')
  const visibility = search.get('visibility') ?? 'sync'
  // Every write here is visible as soon as it is acknowledged, so all three behave like "sync".
  if (!VISIBILITIES.has(visibility)) throw new HttpError(400, `Invalid visibility "${visibility}"`)
  const transactionId = transactionIdOf(search.get('transactionId') ?? body.transactionId)
  const transaction = await context.lake.mutate(body.mutations, {
    transactionId,
    identity: context.identity,
    dryRun: search.get('dryRun') === 'true' || body.dryRun === true,
    autoGenerateArrayKeys: search.get('autoGenerateArrayKeys') === 'true',
  })
  const returnDocuments = search.get('returnDocuments') === 'true'
  const documentOf = (id: string): LakeDocument | null => {
    const change = transaction.changes.get(id)
    return change ? (change.after ?? change.before) : (context.lake.store.get(id) ?? null)
  }
  const results = transaction.results.map(({ id, operation }) =>
    returnDocuments ? { id, operation, document: documentOf(id) } : { id, operation },
  )
  sendJson(response, 200, {
    transactionId: transaction.transactionId,
    results,
    ...(returnDocuments ? { documents: results.map((result) => documentOf(result.id)).filter((document) => document !== null) } : {}),
  })
}

const TRANSACTION_ID = /^[A-Za-z0-9._-]{1,128}$/

function transactionIdOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || !TRANSACTION_ID.test(value)) {
    throw new HttpError(400, '"transactionId" must be 1-128 letters, digits, ".", "_" or "-"')
  }
  return value
}

/**
 * `POST /data/actions/<dataset>`: `{actions, transactionId?, dryRun?}`, all in one transaction.
 * Answers `{transactionId}` (the client's own, when it sent one), as Sanity does.
 */
export async function handleActions(context: DataContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readWrite(context, request, 'actions')
  try {
    const transaction = await context.lake.transact((builder) => applyActions(builder, body.actions), {
      transactionId: transactionIdOf(body.transactionId),
      dryRun: body.dryRun === true,
      identity: context.identity,
    })
    sendJson(response, 200, { transactionId: transaction.transactionId })
  } catch (error) {
    throw error instanceof MutationError ? error.asActionError() : error
  }
}
