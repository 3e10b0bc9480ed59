import type { IncomingMessage, ServerResponse } from 'node:http'
import { MAX_REQUEST_DEPTH, nestsDeeperThan } from '../store/depth.js'

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

/** An error that becomes an HTTP response; the default body is Sanity's generic error shape. */
export class HttpError extends Error {
  override name = 'HttpError'
  readonly body: unknown
  constructor(
    readonly status: number,
    message: string,
    body?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.body = body ?? { statusCode: status, error: REASONS[status] ?? 'Error', message }
  }
}

/** Runs `work`; an error of `errorClass` (a caller's mistake) becomes a 400 with its message. */
export function badRequestOn<T>(errorClass: abstract new (...args: never[]) => Error, work: () => T): T {
  try {
    const result = work()
    if (result instanceof Promise) {
      return result.catch((error: unknown) => {
        throw error instanceof errorClass ? new HttpError(400, error.message) : error
      }) as T
    }
    return result
  } catch (error) {
    if (error instanceof errorClass) throw new HttpError(400, error.message)
    throw error
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  })
  response.end(response.req.method === 'HEAD' ? undefined : text)
}

/**
 * Reads a body up to `limit` bytes. A larger body is drained and discarded, then refused with 413:
 * answering before the client has finished sending makes many clients report a reset instead.
 */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size <= limit) chunks.push(buffer)
    else if (size > limit * 16) {
      request.destroy()
      break
    }
  }
  if (size > limit) throw new HttpError(413, `Request body is larger than ${limit} bytes`, undefined, { connection: 'close' })
  return Buffer.concat(chunks)
}

export async function readJsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const body = await readBody(request, limit)
  const text = body.toString('utf8')
  if (text.trim() === '') throw new HttpError(400, 'Request body is empty; expected JSON')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new HttpError(400, `Request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  refuseDeepNesting(parsed, 'Request body')
  return parsed
}

/** A value from a request that nests too deeply for the recursive code behind it is a 400. */
export function refuseDeepNesting(value: unknown, what: string): void {
  if (nestsDeeperThan(value, MAX_REQUEST_DEPTH)) {
    throw new HttpError(400, `${what} nests objects and arrays more than ${MAX_REQUEST_DEPTH} levels deep`)
  }
}

/** GROQ parameters from a query string: every `$name=<JSON>` (the query and listen APIs). */
export function paramsFromSearch(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, raw] of search) {
    if (!key.startsWith('$')) continue
    try {
      params[key.slice(1)] = JSON.parse(raw)
    } catch {
      throw new HttpError(400, `Unable to parse value of "${key}=${raw}". Please quote string values.`)
    }
    refuseDeepNesting(params[key.slice(1)], `The value of "${key}"`)
  }
  return params
}
