import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { QueryError } from '../query/evaluate.js'
import { MutationError } from '../store/transaction.js'
import { handleDoc, handleMutate, handleQuery, type DataContext } from './data-routes.js'
import type { ImageService } from './image-route.js'
import { HttpError, sendJson } from './respond.js'

export interface ServerContext extends DataContext {
  images: ImageService
  projectId: string
  dataset: string
  log: (line: string) => void
}

const DATA_ROUTE = /^\/v(1|X|\d{4}-\d{2}-\d{2})\/data\/([a-z]+)\/([^/]+)(?:\/(.*))?$/
const PING_ROUTE = /^\/v(1|X|\d{4}-\d{2}-\d{2})\/ping$/
const IMAGE_ROUTE = /^\/images\/([^/]+)\/([^/]+)\/([^/]+)(?:\/[^/]*)?$/
const MAX_LOGGED_PATH = 200

/**
 * How long an idle keep-alive connection stays open. A query can hold the event loop for seconds;
 * a connection whose keep-alive timer expired meanwhile is closed before the request the client
 * already sent on it is read (ECONNRESET on the client). Far above the loop's longest stall and
 * above clients' own idle limits (undici: the server's hint minus a margin), so clients close first.
 */
const KEEP_ALIVE_MS = 65_000

/** The lake's HTTP surface. Every failure becomes a JSON error response; none escapes. */
export function createLakeServer(getContext: () => ServerContext | undefined): Server {
  const server = createServer((request, response) => {
    const started = performance.now()
    response.on('finish', () => {
      const context = getContext()
      const path = request.url ?? '/'
      const shown = path.length > MAX_LOGGED_PATH ? `${path.slice(0, MAX_LOGGED_PATH)}…` : path
      context?.log(`${request.method ?? '?'} ${shown} ${response.statusCode} ${Math.round(performance.now() - started)}ms`)
    })
    void route(getContext(), request, response).catch((error: unknown) => fail(getContext(), response, error))
  })
  server.keepAliveTimeout = KEEP_ALIVE_MS
  // Node wants the header timeout above the keep-alive timeout, or it cuts idle connections short.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000
  return server
}

async function route(context: ServerContext | undefined, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!context) throw new HttpError(503, 'The lake is starting')
  const url = new URL(request.url ?? '/', 'http://lake.invalid')
  const method = request.method ?? 'GET'
  const data = DATA_ROUTE.exec(url.pathname)
  const isMutate = data?.[2] === 'mutate'
  // Reads are open to any origin, as Studio and browsers need; mutations are never offered to one.
  if (!isMutate) response.setHeader('access-control-allow-origin', '*')
  if (method === 'OPTIONS') {
    if (!isMutate) {
      response.setHeader('access-control-allow-methods', 'GET, HEAD, POST')
      response.setHeader('access-control-allow-headers', 'authorization, content-type')
      response.setHeader('access-control-max-age', '600')
    }
    response.writeHead(204).end()
    return
  }

  if (data) {
    const [, apiVersion = '', endpoint = '', dataset = '', rest = ''] = data
    if (decodeURIComponent(dataset) !== context.dataset) {
      throw new HttpError(404, `Dataset "${decodeURIComponent(dataset)}" not found for project ID "${context.projectId}"`)
    }
    if (endpoint === 'query' && rest === '') {
      allow(method, ['GET', 'HEAD', 'POST'])
      return handleQuery(context, request, response, apiVersion, url.searchParams)
    }
    if (endpoint === 'doc' && rest !== '') {
      allow(method, ['GET', 'HEAD'])
      return handleDoc(context, request, response, rest)
    }
    if (endpoint === 'mutate' && rest === '') {
      allow(method, ['POST'])
      return handleMutate(context, request, response, url.searchParams)
    }
    throw new HttpError(404, `The local lake does not implement /data/${endpoint}`)
  }

  const image = IMAGE_ROUTE.exec(url.pathname)
  if (image) {
    allow(method, ['GET', 'HEAD'])
    const [, projectId = '', dataset = '', fileName = ''] = image
    if (projectId !== context.projectId || dataset !== context.dataset) {
      throw new HttpError(404, `No images for project "${projectId}", dataset "${dataset}"`)
    }
    await context.images.serve(request, response, fileName, url.searchParams)
    return
  }

  if (PING_ROUTE.test(url.pathname)) {
    allow(method, ['GET', 'HEAD'])
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(method === 'HEAD' ? undefined : 'PONG')
    return
  }

  if (url.pathname === '/' || url.pathname === '/health') {
    allow(method, ['GET', 'HEAD'])
    sendJson(response, 200, { service: 'local-lake', projectId: context.projectId, dataset: context.dataset, documents: context.lake.store.size })
    return
  }
  throw new HttpError(404, `Route not found: ${method} ${url.pathname}`)
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
