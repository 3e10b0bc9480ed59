/*
 * A listener's query, reduced to what the Listen API uses of it: the filter of `*[filter]`.
 * Sanity ignores projections, ordering and slices of listener queries ("only the top-level
 * filter portion … will be used"), so `*[_type == "post"]{title} | order(title)` listens to posts.
 */
import { evaluateSync, type ExprNode } from 'groq-js'
import { parseQuery, QueryError } from '../query/evaluate.js'
import type { LakeDocument } from '../types.js'

export interface DocumentFilter {
  /** Whether a document passes the filter (false for null: the document does not exist). */
  matches(document: LakeDocument | null): boolean
}

/** Walks down from the root through what listeners ignore to the `*[…]` underneath. */
function findFilter(node: ExprNode): ExprNode | 'everything' | undefined {
  switch (node.type) {
    case 'Everything':
      return 'everything'
    case 'Filter':
      return node.base.type === 'Everything' ? node.expr : undefined
    case 'Projection':
    case 'Slice':
    case 'AccessElement':
    case 'Map':
    case 'FlatMap':
      return findFilter(node.base)
    case 'PipeFuncCall':
      return findFilter(node.base)
    case 'Group':
      return findFilter(node.base)
    default:
      return undefined
  }
}

export function compileFilter(
  query: string,
  params: Record<string, unknown>,
  sanity: { projectId: string; dataset: string },
): DocumentFilter {
  const tree = parseQuery(query, params)
  const filter = findFilter(tree)
  if (filter === undefined) {
    const description = 'A listener query must select documents with *[<filter>] (a projection or order after it is ignored)'
    throw new QueryError(description, { error: { description, query, type: 'queryParseError' } })
  }
  if (filter === 'everything') return { matches: (document) => document !== null }
  const node: ExprNode = { type: 'Filter', base: { type: 'Everything' }, expr: filter }
  return {
    matches(document) {
      if (!document) return false
      try {
        const result = evaluateSync(node, { dataset: [document], params, sanity, timestamp: new Date() }).data
        return Array.isArray(result) && result.length > 0
      } catch {
        // A filter groq-js can only run asynchronously (delta functions) matches nothing here.
        return false
      }
    },
  }
}
