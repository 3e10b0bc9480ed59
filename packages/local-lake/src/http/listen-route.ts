/*
 * `GET /v<version>/data/listen/<dataset>`: Server-Sent Events, as Sanity's Listen API sends them.
 * Every event's data is one line of JSON (the client fails on anything else); mutation events
 * carry `id: <transactionId>#<documentId>`, which the client sends back as `lastEventId` when it
 * reconnects. A comment line goes out every KEEP_ALIVE_MS: clients give up on a silent stream
 * after 45 s.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { compileFilter } from '../listen/filter.js'
import type { ListenerHub, ListenerMessage } from '../listen/hub.js'
import { accessOf } from './auth.js'
import { HttpError, paramsFromSearch } from './respond.js'

const KEEP_ALIVE_MS = 20_000

export interface ListenContext {
  hub: ListenerHub
  token: string | undefined
  projectId: string
  dataset: string
}

function flag(search: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = search.get(name)
  if (value === null) return fallback
  return value === 'true' || value === '1'
}

function frame(message: ListenerMessage): string {
  if (message.type === 'mutation') {
    return `id: ${message.event.eventId}\nevent: mutation\ndata: ${JSON.stringify(message.event)}\n\n`
  }
  return `event: ${message.type}\ndata: ${JSON.stringify({ listenerName: message.listenerName })}\n\n`
}

/** An event-stream route: sends its headers at once and keeps the response open until the client leaves. */
type StreamRoute = (
  context: ListenContext,
  request: IncomingMessage,
  response: ServerResponse,
  search: URLSearchParams,
  corsHeaders: Record<string, string>,
) => void

export const handleListen: StreamRoute = (context, request, response, search, corsHeaders) => {
  const access = accessOf(request, context.token)
  const query = search.get('query')
  if (query === null || query.trim() === '') throw new HttpError(400, 'Missing "query"')
  const filter = compileFilter(query, paramsFromSearch(search), { projectId: context.projectId, dataset: context.dataset })
  const effectFormat = search.get('effectFormat')
  if (effectFormat !== null && effectFormat !== 'mendoza')
    throw new HttpError(400, `Unsupported effectFormat "${effectFormat}" (only "mendoza")`)
  const header = request.headers['last-event-id']
  const lastEventId = search.get('lastEventId') ?? (typeof header === 'string' ? header : undefined)
  const resumeFrom = flag(search, 'enableResume', false) && lastEventId ? lastEventId : undefined

  openEventStream(response, corsHeaders)

  const listener = context.hub.listen(
    {
      filter,
      withToken: access === 'token',
      includeAllVersions: flag(search, 'includeAllVersions', false),
      includeResult: flag(search, 'includeResult', false),
      includePreviousRevision: flag(search, 'includePreviousRevision', false),
      includeMutations: flag(search, 'includeMutations', true),
      mendoza: effectFormat === 'mendoza',
    },
    (message) => {
      if (!response.writableEnded) response.write(frame(message))
    },
    resumeFrom,
  )
  keepOpenUntilClosed(response, listener)
}

/**
 * `GET /v<version>/data/live/events/<dataset>`: Sanity's Live Content API, which the Presentation
 * tool's loader subscribes to. Answers carry no sync tags here (the lake keeps no tags per
 * query), so every committed transaction is a `restart` event: "refetch what you show". A
 * comment line keeps the stream open.
 */
export const handleLiveEvents: StreamRoute = (context, request, response, search, corsHeaders) => {
  const access = accessOf(request, context.token)
  if (flag(search, 'includeDrafts', false) && access !== 'token') throw new HttpError(401, 'Unauthorized - includeDrafts needs a token')
  openEventStream(response, corsHeaders)
  let restarts = 0
  const listener = context.hub.listen(
    {
      filter: { matches: (document) => document !== null },
      withToken: access === 'token' && flag(search, 'includeDrafts', false),
      includeAllVersions: false,
      includeResult: false,
      includePreviousRevision: false,
      includeMutations: false,
      mendoza: false,
    },
    (message) => {
      if (response.writableEnded) return
      if (message.type === 'welcome') response.write(`event: welcome\ndata: ${JSON.stringify({ listenerName: message.listenerName })}\n\n`)
      // One restart per transaction, however many documents it changed.
      else if (message.type === 'mutation' && message.event.transactionCurrentEvent === 0) {
        restarts += 1
        response.write(`event: restart\ndata: ${JSON.stringify({ id: `${message.event.transactionId}-${restarts}` })}\n\n`)
      }
    },
  )
  keepOpenUntilClosed(response, listener)
}

/** Sends an event stream's headers at once; events are written as they happen, unbuffered. */
function openEventStream(response: ServerResponse, corsHeaders: Record<string, string>): void {
  response.writeHead(200, {
    ...corsHeaders,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    'x-accel-buffering': 'no',
  })
  response.flushHeaders()
  response.socket?.setNoDelay(true)
}

/** A comment line every KEEP_ALIVE_MS keeps the stream open; the listener ends with the response. */
function keepOpenUntilClosed(response: ServerResponse, listener: { close(): void }): void {
  const keepAlive = setInterval(() => response.write(':\n\n'), KEEP_ALIVE_MS)
  keepAlive.unref()
  const stop = (): void => {
    clearInterval(keepAlive)
    listener.close()
  }
  response.on('close', stop)
  response.on('error', stop)
}
