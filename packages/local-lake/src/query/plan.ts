import type { ExprNode } from 'groq-js'
import type { View } from '../store/store.js'
import type { LakeDocument } from '../types.js'

/*
 * Query planning, in the one way that is always safe: if every `*` in a query is immediately
 * filtered by `_type == "x"`, `_type in [...]`, `_id == "x"` or `_id in [...]` (possibly inside
 * `&&`, or on both sides of `||`), then no part of the query can see any other document, and
 * the dataset handed to groq-js can shrink to those documents. References are resolved through
 * an id lookup, so `->` still reaches documents of other types.
 */

interface Constraint {
  types: string[]
  ids: string[]
}

type Node = Record<string, unknown> & { type: string }

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
}

function isPlainAttribute(node: unknown, name: string): boolean {
  return isNode(node) && node.type === 'AccessAttribute' && node.base === undefined && node.name === name
}

function stringValues(node: unknown): string[] | undefined {
  if (!isNode(node)) return undefined
  if (node.type === 'Value') return typeof node.value === 'string' ? [node.value] : undefined
  if (node.type !== 'Array' || !Array.isArray(node.elements)) return undefined
  const values: string[] = []
  for (const element of node.elements) {
    if (!isNode(element) || element.isSplat !== false || !isNode(element.value)) return undefined
    const value = element.value
    if (value.type !== 'Value' || typeof value.value !== 'string') return undefined
    values.push(value.value)
  }
  return values
}

function constraintOf(node: unknown): Constraint | undefined {
  if (!isNode(node)) return undefined
  switch (node.type) {
    case 'Group':
      return constraintOf(node.base)
    case 'And':
      return constraintOf(node.left) ?? constraintOf(node.right)
    case 'Or': {
      const left = constraintOf(node.left)
      const right = constraintOf(node.right)
      return left && right ? { types: [...left.types, ...right.types], ids: [...left.ids, ...right.ids] } : undefined
    }
    case 'OpCall': {
      if (node.op !== '==' && node.op !== 'in') return undefined
      for (const [attribute, other] of [[node.left, node.right], [node.right, node.left]] as const) {
        if (node.op === 'in' && attribute !== node.left) continue
        const values = node.op === '==' ? scalar(other) : stringValues(other)
        if (!values) continue
        if (isPlainAttribute(attribute, '_type')) return { types: values, ids: [] }
        if (isPlainAttribute(attribute, '_id')) return { types: [], ids: values }
      }
      return undefined
    }
    default:
      return undefined
  }
}

function scalar(node: unknown): string[] | undefined {
  return isNode(node) && node.type === 'Value' && typeof node.value === 'string' ? [node.value] : undefined
}

/** The constraints of every `*` in the tree, or undefined if some `*` is unconstrained. */
function datasetConstraints(tree: ExprNode): Constraint[] | undefined {
  const constraints: Constraint[] = []
  let unconstrained = false
  const visit = (value: unknown): void => {
    if (unconstrained) return
    if (Array.isArray(value)) {
      value.forEach(visit)
      return
    }
    if (!isNode(value)) return
    if (value.type === 'Value' || value.type === 'Parameter') return
    if (value.type === 'Everything') {
      unconstrained = true
      return
    }
    if (value.type === 'Filter' && isNode(value.base) && value.base.type === 'Everything') {
      const constraint = constraintOf(value.expr)
      if (constraint) {
        constraints.push(constraint)
        visit(value.expr)
        return
      }
    }
    for (const [key, child] of Object.entries(value)) if (key !== 'type') visit(child)
  }
  visit(tree)
  return unconstrained ? undefined : constraints
}

/** The documents a query can possibly read, in view order. */
export function candidateDocuments(tree: ExprNode, view: View): LakeDocument[] {
  const constraints = datasetConstraints(tree)
  if (!constraints) return view.documents
  const picked = new Set<LakeDocument>()
  for (const { types, ids } of constraints) {
    for (const type of types) for (const document of view.ofType(type)) picked.add(document)
    for (const id of ids) {
      const document = view.byId.get(id)
      if (document) picked.add(document)
    }
  }
  if (picked.size > view.documents.length / 2) return view.documents.filter((document) => picked.has(document))
  return [...picked].sort((a, b) => view.position(a._id) - view.position(b._id))
}
