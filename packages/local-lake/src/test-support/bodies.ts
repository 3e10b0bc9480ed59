/** The response bodies tests look into, typed loosely enough for assertions. */

export interface ErrorItem {
  error: { id?: string; type: string; description: string }
  index: number
}

export interface StructuredError {
  type: string
  description: string
  query?: string
  start?: number
  end?: number
  items?: ErrorItem[]
}

export interface LakeBody {
  // Success bodies
  query?: string
  result?: unknown
  ms?: number
  documents?: Record<string, unknown>[]
  omitted?: { id: string; reason: string }[]
  transactionId?: string
  results?: { id: string; operation: string; document?: Record<string, unknown> }[]
  // Error bodies: Sanity's generic shape, or a structured error (query or mutation)
  statusCode?: number
  message?: string
  error?: StructuredError | string
}

export async function readBody(response: Response): Promise<LakeBody> {
  return (await response.json()) as LakeBody
}

/** The structured `error` of a query or mutation error body. */
export function structuredError(body: LakeBody): StructuredError {
  if (typeof body.error !== 'object') throw new Error(`expected a structured error, got ${JSON.stringify(body)}`)
  return body.error
}
