import { evaluate, GroqSyntaxError, parse, type ExprNode } from 'groq-js'
import type { View } from '../store/store.js'
import { candidateDocuments } from './plan.js'

/** A query the client got wrong; `body` is the error response, shaped like Sanity's. */
export class QueryError extends Error {
  override name = 'QueryError'
  constructor(
    message: string,
    readonly body: { error: Record<string, unknown> },
  ) {
    super(message)
  }
}

export interface QueryInput {
  query: string
  params: Record<string, unknown>
  view: View
  projectId: string
  dataset: string
}

function parseError(query: string, description: string, start: number, end: number): QueryError {
  return new QueryError(description, {
    error: { description, query, start, end, type: 'queryParseError' },
  })
}

export function parseQuery(query: string, params: Record<string, unknown>): ExprNode {
  let tree: ExprNode
  try {
    tree = parse(query, { params })
  } catch (error) {
    if (error instanceof GroqSyntaxError) {
      const detail = error.message.replace(/^Syntax error in GROQ query at position \d+:?\s*/, '')
      throw parseError(query, detail || 'syntax error', error.position, Math.min(error.position + 1, query.length))
    }
    const description = error instanceof Error ? error.message : String(error)
    throw parseError(query, description, 0, query.length)
  }
  const missing = missingParameter(tree)
  if (missing !== undefined) {
    // The tree has no positions; point at the first use of the parameter in the text instead.
    const use = new RegExp(`\\$${missing}(?![\\w$])`).exec(query)
    const start = use?.index ?? 0
    throw parseError(query, `param $${missing} referenced, but not provided`, start, use ? start + use[0].length : query.length)
  }
  return tree
}

/** groq-js leaves a parameter it has no value for in the tree (and would read it as null). */
function missingParameter(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const name = missingParameter(item)
      if (name !== undefined) return name
    }
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const node = value as Record<string, unknown>
  if (node.type === 'Value') return undefined
  if (node.type === 'Parameter' && typeof node.name === 'string') return node.name
  for (const child of Object.values(node)) {
    const name = missingParameter(child)
    if (name !== undefined) return name
  }
  return undefined
}

export async function runQuery(input: QueryInput): Promise<unknown> {
  const tree = parseQuery(input.query, input.params)
  const { view } = input
  try {
    const value = await evaluate(tree, {
      dataset: candidateDocuments(tree, view),
      params: input.params,
      sanity: { projectId: input.projectId, dataset: input.dataset },
      dereference: ({ _ref }) => view.byId.get(_ref) ?? null,
    })
    return await value.get()
  } catch (error) {
    const description = error instanceof Error ? error.message : String(error)
    throw new QueryError(description, { error: { description, query: input.query, type: 'queryExecutionError' } })
  }
}
