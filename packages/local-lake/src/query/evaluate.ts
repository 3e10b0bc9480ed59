import {
  evaluate,
  evaluateSync,
  GroqSyntaxError,
  parse,
  type DereferenceFunction as Dereference,
  type EvaluateOptions,
  type ExprNode,
} from 'groq-js'
import type { View } from '../store/store.js'
import { PlanRunner } from './candidates.js'
import { planQuery } from './plan.js'

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

/**
 * Evaluates a query over a view with groq-js, planned (see plan.ts). groq-js's synchronous
 * evaluator is used first (it is several times faster than the asynchronous one, and every
 * lookup here is synchronous); a query it can't run that way (`diff::`/`delta::` functions) or
 * that fails is evaluated asynchronously, which also produces the error message.
 */
export async function runQuery(input: QueryInput): Promise<unknown> {
  const tree = parseQuery(input.query, input.params)
  const { view } = input
  const planned = planQuery(tree)
  if (planned.correlated) view.ensureHandles() // correlated hooks read handles, which must be there before evaluation
  const options: EvaluateOptions = {
    dataset: view.documents,
    params: input.params,
    sanity: { projectId: input.projectId, dataset: input.dataset },
    timestamp: new Date(),
    // A hook answers with documents (or a memoized value) rather than one document: groq-js
    // takes whatever a dereference returns as the value of `->`.
    dereference: ({ _ref }) =>
      (_ref.startsWith(planned.nonce)
        ? runner.resolve(_ref.slice(planned.nonce.length))
        : (view.byId.get(_ref) ?? null)) as ReturnType<Dereference>,
  }
  const runner = new PlanRunner(planned, view, options)
  try {
    return evaluateSync(planned.tree, options).data
  } catch {
    // Fall through to the asynchronous evaluator.
  }
  try {
    const value = await evaluate(planned.tree, options)
    return await value.get()
  } catch (error) {
    const description = error instanceof Error ? error.message : String(error)
    throw new QueryError(description, { error: { description, query: input.query, type: 'queryExecutionError' } })
  }
}
