import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { QueryError } from '../query/evaluate.js'
import { MutationError } from '../store/transaction.js'
import type { AssetContext } from './asset-routes.js'
import { handleAssetUpload, handleFile } from './asset-routes.js'
import { corsFor } from './cors.js'
import { handleActions, handleDoc, handleMutate, handleQuery, type DataContext } from './data-routes.js'
import { handleHistory, type HistoryContext } from './history-routes.js'
import type { ImageService } from './image-route.js'
import { handleListen, handleLiveEvents, type ListenContext } from './listen-route.js'
import { handleProjectApi, LOCAL_EDITOR, type ProjectContext } from './project-routes.js'
import { HttpError, sendJson } from './respond.js'
import { parkWebSocket } from './websocket.js'

export interface ServerContext extends DataContext, ListenContext, ProjectContext, AssetContext, HistoryContext {
  images: ImageService
  projectId: string
  dataset: string
  /** Browser origins of Studios allowed to write (CORS); see cors.ts. */
  studioOrigins: ReadonlySet<string>
  /** URLs of every port this lake answers on, the first being its main URL (see LakeOptions.listenPorts). */
  origins: () => string[]
  log: (line: string) => void
}

const API_ROUTE = /^\/v(1|X|v?\d{4}-\d{2}-\d{2})(\/.*)$/
const DATA_ROUTE = /^\/data\/([a-z]+)\/([^/]+)(?:\/(.*))?$/
const LIVE_ROUTE = /^\/data\/live\/events\/([^/]+)$/
const ASSET_ROUTE = /^\/assets\/(images|files)\/([^/]+)$/
const IMAGE_ROUTE = /^\/images\/([^/]+)\/([^/]+)\/([^/]+)(?:\/[^/]*)?$/
const FILE_ROUTE = /^\/files\/([^/]+)\/([^/]+)\/([^/]+)(?:\/[^/]*)?$/
const SOCKET_ROUTE = /^\/v[^/]+\/socket\/[^/]+$/
const WRITE_ENDPOINTS = new Set(['mutate', 'actions'])
const MAX_LOGGED_PATH = 200

/**
 * Host names a lake on a loopback address answers to. A page on another site can make the browser
 * send requests to 127.0.0.1 under its own host name (DNS rebinding); those are refused.
 */
const LOOPBACK_HOST = /^(localhost|[a-z0-9-]+\.localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i

/**
 * How long an idle keep-alive connection stays open. A query can hold the event loop for seconds;
 * a connection whose keep-alive timer expired meanwhile is closed before the request the client
 * already sent on it is read (ECONNRESET on the client). Far above the loop's longest stall and
 * above clients' own idle limits (undici: the server's hint minus a margin), so clients close first.
 */
const KEEP_ALIVE_MS = 65_000

/** The lake's HTTP surface. Every failure becomes a JSON error response; none escapes. */
export function createLakeServer(
  getContext: () => ServerContext | undefined,
  options: { loopbackOnly: boolean; /** upgraded sockets, which server.close() does not end */ sockets: Set<Duplex> },
): Server {
  const server = createServer((request, response) => {
    const started = performance.now()
    response.on('finish', () => {
      const context = getContext()
      const path = request.url ?? '/'
      const shown = path.length > MAX_LOGGED_PATH ? `${path.slice(0, MAX_LOGGED_PATH)}…` : path
      context?.log(`${request.method ?? '?'} ${shown} ${response.statusCode} ${Math.round(performance.now() - started)}ms`)
    })
    void route(getContext(), request, response, options.loopbackOnly).catch((error: unknown) => fail(getContext(), response, error))
  })
  server.on('upgrade', (request: IncomingMessage, socket: Duplex) => {
    // The Studio's presence channel. A local lake has one editor, so the socket is accepted and
    // kept quiet: refusing it would make the Studio retry (and log) forever.
    if (SOCKET_ROUTE.test(new URL(request.url ?? '/', 'http://lake.invalid').pathname) && hostAllowed(request, options.loopbackOnly)) {
      options.sockets.add(socket)
      socket.on('close', () => options.sockets.delete(socket))
      parkWebSocket(request, socket)
    } else socket.destroy()
  })
  server.keepAliveTimeout = KEEP_ALIVE_MS
  // Node wants the header timeout above the keep-alive timeout, or it cuts idle connections short.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000
  return server
}

function hostAllowed(request: IncomingMessage, loopbackOnly: boolean): boolean {
  if (!loopbackOnly) return true
  const host = request.headers.host
  return host === undefined || LOOPBACK_HOST.test(host)
}

async function route(
  context: ServerContext | undefined,
  request: IncomingMessage,
  response: ServerResponse,
  loopbackOnly: boolean,
): Promise<void> {
  if (!context) throw new HttpError(503, 'The lake is starting')
  if (!hostAllowed(request, loopbackOnly))
    throw new HttpError(403, `Host "${String(request.headers.host)}" is not served here (a local lake answers loopback host names only)`)
  const url = new URL(request.url ?? '/', 'http://lake.invalid')
  const method = request.method ?? 'GET'
  const api = API_ROUTE.exec(url.pathname)
  const path = api?.[2] ?? url.pathname
  const data = api ? DATA_ROUTE.exec(path) : null
  const writes = (data !== null && WRITE_ENDPOINTS.has(data[1] ?? '')) || (api !== null && ASSET_ROUTE.test(path))
  const cors = corsFor(request, context.studioOrigins, writes)
  for (const [name, value] of Object.entries(cors.headers)) response.setHeader(name, value)
  if (method === 'OPTIONS') {
    response.writeHead(204, cors.preflight).end()
    return
  }

  if (api) {
    const apiVersion = (api[1] ?? '').replace(/^v/, '')
    const live = LIVE_ROUTE.exec(path)
    if (live) {
      allow(method, ['GET'])
      checkDataset(context, live[1] ?? '')
      return handleLiveEvents(context, request, response, url.searchParams, cors.headers)
    }
    if (path === '/check/cors') {
      allow(method, ['GET'])
      // Sanity's CORS check for the Live API client: reads are open to every page here.
      sendJson(response, 200, { result: { allowed: true, withCredentials: false } })
      return
    }
    if (data) return dataRoute(context, request, response, apiVersion, data, url.searchParams, cors.headers)
    const asset = ASSET_ROUTE.exec(path)
    if (asset) {
      allow(method, ['POST', 'PUT'])
      checkDataset(context, asset[2] ?? '')
      return handleAssetUpload(context, request, response, asset[1] === 'images' ? 'image' : 'file', url.searchParams)
    }
    if (path === '/ping') {
      allow(method, ['GET', 'HEAD'])
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(method === 'HEAD' ? undefined : 'PONG')
      return
    }
    if (await handleProjectApi(context, request, response, path, url.searchParams)) return
    throw new HttpError(404, `The local lake does not implement ${method} /v${apiVersion}${path}`)
  }

  const image = cdnFileName(context, IMAGE_ROUTE, url.pathname, 'images')
  if (image !== null) {
    allow(method, ['GET', 'HEAD'])
    await context.images.serve(request, response, image, url.searchParams)
    return
  }
  const file = cdnFileName(context, FILE_ROUTE, url.pathname, 'files')
  if (file !== null) {
    allow(method, ['GET', 'HEAD'])
    await handleFile(context, request, response, file, url.searchParams)
    return
  }

  if (url.pathname === '/local-lake/session') {
    allow(method, ['GET'])
    // For a Studio on an allowed origin: the token it signs in with, and the other ports it can
    // spread its event streams over. Other callers read .journal/session.json on disk instead.
    if (!cors.trusted) throw new HttpError(403, 'The session is only given to the Studio origins this lake was started with')
    sendJson(
      response,
      200,
      { token: context.token ?? null, user: LOCAL_EDITOR, origins: context.origins() },
      { 'cache-control': 'no-store' },
    )
    return
  }
  if (url.pathname === '/' || url.pathname === '/health') {
    allow(method, ['GET', 'HEAD'])
    sendJson(response, 200, {
      service: 'local-lake',
      projectId: context.projectId,
      dataset: context.dataset,
      documents: context.lake.store.size,
    })
    return
  }
  throw new HttpError(404, `Route not found: ${method} ${url.pathname}`)
}

/** The file name of a CDN URL (`/images/<project>/<dataset>/<file>`), or null for another path. */
function cdnFileName(context: ServerContext, pattern: RegExp, pathname: string, what: 'images' | 'files'): string | null {
  const match = pattern.exec(pathname)
  if (!match) return null
  const [, projectId = '', dataset = '', fileName = ''] = match
  if (projectId !== context.projectId || dataset !== context.dataset) {
    throw new HttpError(404, `No ${what} for project "${projectId}", dataset "${dataset}"`)
  }
  return fileName
}

function checkDataset(context: ServerContext, encoded: string): void {
  const dataset = decodeURIComponent(encoded)
  if (dataset !== context.dataset) throw new HttpError(404, `Dataset "${dataset}" not found for project ID "${context.projectId}"`)
}

async function dataRoute(
  context: ServerContext,
  request: IncomingMessage,
  response: ServerResponse,
  apiVersion: string,
  [, endpoint = '', dataset = '', rest = '']: RegExpExecArray,
  search: URLSearchParams,
  corsHeaders: Record<string, string>,
): Promise<void> {
  const method = request.method ?? 'GET'
  if (endpoint === 'ping' && rest === '') {
    allow(method, ['GET', 'HEAD'])
    sendJson(response, 200, { ping: 'pong' })
    return
  }
  checkDataset(context, dataset)
  if (endpoint === 'query' && rest === '') {
    allow(method, ['GET', 'HEAD', 'POST'])
    return handleQuery(context, request, response, apiVersion, search)
  }
  if (endpoint === 'doc' && rest !== '') {
    allow(method, ['GET', 'HEAD'])
    return handleDoc(context, request, response, rest)
  }
  if (endpoint === 'mutate' && rest === '') {
    allow(method, ['POST'])
    return handleMutate(context, request, response, search)
  }
  if (endpoint === 'actions' && rest === '') {
    allow(method, ['POST'])
    return handleActions(context, request, response)
  }
  if (endpoint === 'listen' && rest === '') {
    allow(method, ['GET'])
    return handleListen(context, request, response, search, corsHeaders)
  }
  if (endpoint === 'history') {
    allow(method, ['GET', 'HEAD'])
    return handleHistory(context, request, response, rest, search)
  }
  throw new HttpError(404, `The local lake does not implement /data/${endpoint}`)
}

function allow(method: string, methods: string[]): void {
  if (!methods.includes(method)) throw new HttpError(405, `Method ${method} not allowed here`, undefined, { allow: methods.join(', ') })
}

function fail(context: ServerContext | undefined, response: ServerResponse, error: unknown): void {
  let status = 500
  let body: unknown = { statusCode: 500, error: 'Internal Server Error', message: 'The local lake failed to handle the request' }
  let headers: Record<string, string> = {}
  if (error instanceof HttpError) {
    status = error.status
    body = error.body
    headers = error.headers
  } else if (error instanceof QueryError) {
    status = 400
    body = error.body
  } else if (error instanceof MutationError) {
    status = error.status
    body = error.body
  } else if (error instanceof URIError) {
    status = 400
    body = { statusCode: 400, error: 'Bad Request', message: 'Malformed URL encoding' }
  } else {
    context?.log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  }
  if (response.headersSent) {
    response.destroy()
    return
  }
  sendJson(response, status, body, headers)
}
