import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'

export interface AttemptResult {
  /** HTTP status, or undefined when no response came back (refused, reset, timed out). */
  status: number | undefined
  error?: string
}

/** One HTTP attempt. node:http rather than fetch, because Sanity sends the body with every method, GET included. */
export function sendOnce(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<AttemptResult> {
  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    const request = send(url, { method, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
      response.resume()
      response.on('end', () => resolve({ status: response.statusCode }))
      response.on('error', (error) => resolve({ status: response.statusCode, error: error.message }))
    })
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no response within ${timeoutMs} ms`)))
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ status: undefined, error: error.code ?? error.message }))
    request.end(body)
  })
}

/** Worth another try: the target is down, overloaded or failing; any other 4xx won't change. */
export function shouldRetry(result: AttemptResult): boolean {
  return result.status === undefined || result.status === 429 || result.status >= 500
}

export function succeeded(result: AttemptResult): boolean {
  return result.status !== undefined && result.status >= 200 && result.status < 300
}
