/*
 * `/data/history/<dataset>/…`: the History API routes the Studio calls (see history/log.ts).
 * History is part of the protected data: it needs the token, like drafts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ContentLake } from '../content-lake.js'
import type { HistoryLog } from '../history/log.js'
import { accessOf, requireToken } from './auth.js'
import { HttpError, sendJson } from './respond.js'

export interface HistoryContext {
  lake: ContentLake
  history: HistoryLog
  token: string | undefined
}

function ids(list: string): string[] {
  return list
    .split(',')
    .map((id) => decodeURIComponent(id).trim())
    .filter((id) => id !== '')
}

function bool(search: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = search.get(name)
  return value === null ? fallback : value === 'true'
}

export function handleHistory(
  context: HistoryContext,
  request: IncomingMessage,
  response: ServerResponse,
  rest: string,
  search: URLSearchParams,
): void {
  requireToken(accessOf(request, context.token), 'document history')
  const [kind = '', ...tail] = rest.split('/')
  if (kind === 'transactions' && tail.length === 1) {
    const limit = Number(search.get('limit') ?? '100')
    if (!Number.isInteger(limit) || limit < 1) throw new HttpError(400, '"limit" must be a positive whole number')
    const entries = context.history.log({
      ids: ids(tail[0] ?? ''),
      includeIdentifiedDocumentsOnly: bool(search, 'includeIdentifiedDocumentsOnly', false),
      excludeMutations: bool(search, 'excludeMutations', false),
      mendoza: search.get('effectFormat') === 'mendoza',
      reverse: bool(search, 'reverse', false),
      limit: Math.min(limit, 10_000),
      fromTransaction: search.get('fromTransaction') || undefined,
      toTransaction: search.get('toTransaction') || undefined,
      fromTime: search.get('fromTime') || undefined,
      toTime: search.get('toTime') || undefined,
      authors: search
        .get('authors')
        ?.split(',')
        .filter((author) => author !== ''),
    })
    const body = entries.map((entry) => JSON.stringify(entry)).join('\n')
    response.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) })
    response.end(request.method === 'HEAD' ? undefined : body)
    return
  }
  if (kind === 'documents' && tail.length === 1) {
    const revision = search.get('revision') ?? undefined
    const time = search.get('time') ?? undefined
    if (revision === undefined && time === undefined) throw new HttpError(400, 'Give "revision" or "time"')
    const documents = ids(tail[0] ?? '').flatMap((id) => {
      const document = context.history.documentAt(id, context.lake.store.get(id) ?? null, { revision, time })
      return document ? [document] : []
    })
    sendJson(response, 200, { documents })
    return
  }
  if (kind === 'events' && tail[0] === 'documents' && tail.length === 2) {
    const documentId = decodeURIComponent(tail[1] ?? '')
    sendJson(response, 200, { events: { [documentId]: context.history.events(documentId) }, nextCursor: '' })
    return
  }
  throw new HttpError(404, `The local lake does not implement /data/history/<dataset>/${rest}`)
}
