import { randomBytes } from 'node:crypto'
import type { ExprNode } from 'groq-js'
import { HANDLE } from '../store/handles.js'
import { containsEverything, dependencies, filterScope, isNode, isPlainCall, type AbstractScope, type Node } from './scopes.js'

/*
 * Query planning. groq-js evaluates every `*[…]` by testing each document of the dataset, and a
 * subquery inside a projection or filter once per outer document, which at 10,000 posts makes a
 * post page cost seconds and a category page minutes. The planner rewrites the parsed tree so
 * that groq-js itself asks the lake for a filter's candidates:
 *
 *   *[cond]  ->  coalesce(<hook>->, *)[cond]
 *
 * A hook is a dereference (`->`) of a synthetic reference whose `_ref` only this evaluation can
 * produce (it starts with a random nonce); the lake's dereference function answers it with the
 * documents the indexes say could satisfy `cond` (see candidates.ts), or null, in which case
 * `coalesce` falls back to `*`. `cond` itself is kept and still decides, so a hook may return
 * any superset of the matches in dataset order and the result is what groq-js alone would give.
 * When a filter's condition reads `^` (a correlated subquery, such as a post's related posts),
 * the hook's `_ref` also carries a handle of the document `^` is: a non-enumerable attribute
 * only documents of the lake's view have, read as `@[<handle>]` at the filter's site, where `@`
 * is what `^` is inside the filter. Anything else there has no handle and the hook falls back.
 *
 * Also planned: `order(…)[a...b]` / `[i]` over a planned filter passes the slice's end down, so
 * the hook can hand over only the first documents in that order (top-k); and a subquery that
 * depends on nothing around it, evaluated once per outer document (inside a filter, say), is
 * memoized for the evaluation.
 */

/** A path of plain attributes on the document being tested: `slug.current`, `author._ref`. */
export type AttributePath = readonly string[]

/** An expression the filter compares against, evaluated with `^` bound to the filter's parent. */
export interface KeyExpression {
  node: Node
  correlated: boolean
}

export type Lookup =
  | { kind: 'equal'; path: AttributePath; key: KeyExpression }
  | { kind: 'in'; path: AttributePath; key: KeyExpression }
  | { kind: 'member'; path: AttributePath; key: KeyExpression }
  | { kind: 'range'; path: AttributePath; op: '<' | '<=' | '>' | '>='; key: KeyExpression }
  | { kind: 'references'; keys: KeyExpression[] }
  /** `defined(path)`, or `defined(fn(path))` for a function of the value alone, such as lower(). */
  | { kind: 'defined'; path: AttributePath; fn?: { namespace: string; name: string } }
  /** `path != key`: narrows nothing alone, removes documents from what other conjuncts found. */
  | { kind: 'notEqual'; path: AttributePath; key: KeyExpression }
  | { kind: 'and'; parts: Lookup[] }
  | { kind: 'or'; parts: Lookup[] }

export interface FilterPlan {
  id: number
  /** The filter's condition (rewritten), for evaluating single documents during top-k. */
  condition: Node
  lookup: Lookup
  /** The lookup finds exactly the documents the condition holds for (when its keys are indexable). */
  exact: boolean
  correlated: boolean
  /** Set when only the first `limit` documents in `order` are used, and the condition can be evaluated alone. */
  topK?: { limit: number; path: AttributePath; descending: boolean }
}

export interface PlannedQuery {
  tree: ExprNode
  /** Every hook `_ref` starts with this: data can't forge one. */
  nonce: string
  plans: Map<number, FilterPlan>
  memos: Map<number, Node>
  /** A plan reads `^` handles: the view's documents must carry them before evaluation. */
  correlated: boolean
}

interface Context {
  hidden: boolean
  /** Enclosing per-item scopes (filter conditions, map expressions, order arguments). */
  depth: number
}

const EVERYTHING: Node = { type: 'Everything' }

function attributePath(node: unknown): AttributePath | undefined {
  const path: string[] = []
  let current = node
  while (isNode(current) && current.type === 'AccessAttribute') {
    path.unshift(String(current.name))
    current = current.base
  }
  if (path.length === 0) return undefined
  return current === undefined || (isNode(current) && current.type === 'This') ? path : undefined
}

class Planner {
  readonly nonce = `\u0000${randomBytes(8).toString('hex')}:`
  readonly plans = new Map<number, FilterPlan>()
  readonly memos = new Map<number, Node>()
  private nextId = 0

  rewrite(node: Node, context: Context): Node {
    if (node.type === 'Value') return node
    // Selectors (diff::, delta::) and unknown functions evaluate arguments in scopes of their own.
    if ((node.type === 'FuncCall' && !isPlainCall(node)) || (node.type === 'PipeFuncCall' && node.name !== 'order')) return node
    if (context.depth > 0 && containsEverything(node) && this.isConstant(node, context)) return this.memo(node, context)
    switch (node.type) {
      case 'Filter':
        if (isNode(node.base) && node.base.type === 'Everything') return this.planFilter(node, context)
        break
      case 'Slice':
      case 'AccessElement': {
        const topK = this.topKOf(node)
        if (topK) return topK(context)
        break
      }
    }
    return this.rewriteChildren(node, context)
  }

  private rewriteChildren(node: Node, context: Context): Node {
    const out: Node = { type: node.type }
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'type') out[key] = this.rewriteChild(node, key, child, context)
    }
    return out
  }

  private rewriteChild(parent: Node, key: string, child: unknown, context: Context): unknown {
    if (Array.isArray(child)) return child.map((item) => this.rewriteChild(parent, key, item, context))
    if (typeof child !== 'object' || child === null) return child
    if (!isNode(child)) {
      // Object attributes, array elements, select alternatives: plain records holding nodes.
      return Object.fromEntries(Object.entries(child).map(([name, value]) => [name, this.rewriteChild(parent, key, value, context)]))
    }
    const perItem = { hidden: false, depth: context.depth + 1 }
    switch (parent.type) {
      case 'Filter':
        return this.rewrite(child, key === 'expr' ? perItem : context)
      case 'Projection':
        return this.rewrite(child, key === 'expr' ? { hidden: false, depth: context.depth } : context)
      case 'Map':
      case 'FlatMap':
        return this.rewrite(child, key === 'expr' ? { hidden: true, depth: context.depth + 1 } : context)
      case 'PipeFuncCall':
        return this.rewrite(child, key === 'args' ? perItem : context)
      default:
        return this.rewrite(child, context)
    }
  }

  private isConstant(node: Node, context: Context): boolean {
    const here: AbstractScope = { self: 'parent', parents: ['outer'], hidden: context.hidden }
    const reads = dependencies(node, here)
    return reads !== undefined && !reads.has('parent') && !reads.has('outer')
  }

  private memo(node: Node, context: Context): Node {
    const id = this.nextId++
    const inner = this.rewrite(node, { hidden: context.hidden, depth: 0 })
    this.memos.set(id, inner)
    return call('coalesce', [this.hook(`memo:${id}`, false), inner])
  }

  /** `order(…)[a...b]` or `order(…)[i]` directly over `*[…]`: plan the filter with a limit. */
  private topKOf(node: Node): ((context: Context) => Node) | undefined {
    const pipe = node.base
    if (!isNode(pipe) || pipe.type !== 'PipeFuncCall' || pipe.name !== 'order') return undefined
    const filter = pipe.base
    if (!isNode(filter) || filter.type !== 'Filter' || !isNode(filter.base) || filter.base.type !== 'Everything') return undefined
    let limit: number | undefined
    if (node.type === 'AccessElement' && typeof node.index === 'number' && node.index >= 0) limit = node.index + 1
    if (node.type === 'Slice' && typeof node.left === 'number' && typeof node.right === 'number' && node.left >= 0 && node.right >= 0) {
      limit = node.isInclusive ? node.right + 1 : node.right
    }
    const args = pipe.args as Node[]
    const first = args[0]
    const descending = isNode(first) && first.type === 'Desc'
    const path = attributePath(isNode(first) && (first.type === 'Asc' || first.type === 'Desc') ? first.base : first)
    if (limit === undefined || !path) return undefined
    return (context) => {
      const perItem = { hidden: false, depth: context.depth + 1 }
      const planned = this.planFilter(filter, context, { limit, path, descending })
      return { ...node, base: { ...pipe, base: planned, args: args.map((arg) => this.rewrite(arg, perItem)) } }
    }
  }

  private planFilter(filter: Node, context: Context, topK?: FilterPlan['topK']): Node {
    const condition = this.rewrite(filter.expr as Node, { hidden: false, depth: context.depth + 1 })
    const scope = filterScope(context.hidden)
    const analysis = lookupOf(condition, scope)
    if (!analysis || analysis.lookup.kind === 'notEqual') return { type: 'Filter', base: EVERYTHING, expr: condition }
    const { lookup, exact } = analysis
    const correlated = usesCorrelatedKey(lookup)
    const reads = dependencies(condition, scope)
    const id = this.nextId++
    this.plans.set(id, {
      id,
      condition,
      lookup,
      exact,
      correlated,
      // The hook evaluates the condition on its own, with `^` bound: it must read nothing further out.
      ...(topK && reads && !reads.has('outer') ? { topK } : {}),
    })
    const scan: Node = { type: 'Filter', base: call('coalesce', [this.hook(`plan:${id}:`, correlated), EVERYTHING]), expr: condition }
    // An exact lookup answers for the whole filter: groq-js doesn't evaluate the condition at all.
    return exact ? call('coalesce', [this.hook(`exact:${id}:`, correlated), scan]) : scan
  }

  /** `{"_ref": <nonce><key>}->`, plus `@`'s handle for correlated hooks. */
  private hook(key: string, withHandle: boolean): Node {
    const prefix: Node = { type: 'Value', value: `${this.nonce}${key}` }
    const ref = withHandle
      ? { type: 'OpCall', op: '+', left: prefix, right: { type: 'AccessAttribute', base: { type: 'This' }, name: HANDLE } }
      : prefix
    return {
      type: 'Deref',
      base: { type: 'Object', attributes: [{ type: 'ObjectAttributeValue', name: '_ref', value: ref }] },
    }
  }
}

function call(name: string, args: Node[]): Node {
  return { type: 'FuncCall', namespace: 'global', name, args }
}

function usesCorrelatedKey(lookup: Lookup): boolean {
  switch (lookup.kind) {
    case 'and':
    case 'or':
      return lookup.parts.some(usesCorrelatedKey)
    case 'references':
      return lookup.keys.some((key) => key.correlated)
    case 'defined':
      return false
    default:
      return lookup.key.correlated
  }
}

/** An operand that depends only on `^` (or on nothing): its value can be computed for the hook. */
function keyOf(node: unknown, scope: AbstractScope): KeyExpression | undefined {
  const reads = dependencies(node, scope)
  if (!reads || reads.has('element') || reads.has('outer')) return undefined
  return { node: node as Node, correlated: reads.has('parent') }
}

/** Functions whose result depends on their one argument's value alone. */
const VALUE_FUNCTIONS = new Set([
  'global::lower',
  'global::upper',
  'global::string',
  'global::length',
  'global::dateTime',
  'string::lower',
  'string::upper',
  'pt::text',
])

const FLIPPED = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const

interface Analysis {
  lookup: Lookup
  exact: boolean
}

/**
 * The index lookups a condition allows: conjuncts narrow, disjunctions unite (both sides needed).
 * `exact` when every part of the condition is a lookup, so the lookup alone decides.
 */
export function lookupOf(node: unknown, scope: AbstractScope): Analysis | undefined {
  if (!isNode(node)) return undefined
  const exactly = (lookup: Lookup): Analysis => ({ lookup, exact: true })
  switch (node.type) {
    case 'Group':
      return lookupOf(node.base, scope)
    case 'And': {
      const left = lookupOf(node.left, scope)
      const right = lookupOf(node.right, scope)
      const parts = [left, right].filter((part) => part !== undefined)
      if (parts.length === 0) return undefined
      const exact = left !== undefined && right !== undefined && left.exact && right.exact
      const lookups = parts.flatMap(({ lookup }) => (lookup.kind === 'and' ? lookup.parts : [lookup]))
      return { lookup: lookups.length === 1 ? (lookups[0] as Lookup) : { kind: 'and', parts: lookups }, exact }
    }
    case 'Or': {
      const left = lookupOf(node.left, scope)
      const right = lookupOf(node.right, scope)
      if (!left || !right || left.lookup.kind === 'notEqual' || right.lookup.kind === 'notEqual') return undefined
      return { lookup: { kind: 'or', parts: [left.lookup, right.lookup] }, exact: left.exact && right.exact }
    }
    case 'FuncCall': {
      if (node.namespace !== 'global') return undefined
      const args = node.args as unknown[]
      if (node.name === 'defined') {
        const [arg] = args
        if (args.length !== 1) return undefined
        const path = attributePath(arg)
        if (path) return exactly({ kind: 'defined', path })
        // defined(lower(slug.current)), defined(dateTime(publishedAt)): "is a string", "is a timestamp"
        if (!isNode(arg) || arg.type !== 'FuncCall' || !Array.isArray(arg.args) || arg.args.length !== 1) return undefined
        const fn = { namespace: String(arg.namespace), name: String(arg.name) }
        const inner = attributePath(arg.args[0])
        return inner && VALUE_FUNCTIONS.has(`${fn.namespace}::${fn.name}`) ? exactly({ kind: 'defined', path: inner, fn }) : undefined
      }
      if (node.name !== 'references') return undefined
      const keys = args.map((arg) => keyOf(arg, scope))
      return keys.length > 0 && keys.every((key) => key !== undefined)
        ? exactly({ kind: 'references', keys: keys as KeyExpression[] })
        : undefined
    }
    case 'OpCall': {
      const op = String(node.op)
      // Either side may be the document's attribute; `key op path` is flipped to `path op' key`.
      const sides: Array<[unknown, unknown, boolean]> = [
        [node.left, node.right, false],
        [node.right, node.left, true],
      ]
      for (const [pathSide, keySide, flipped] of sides) {
        const path = attributePath(pathSide)
        const key = path ? keyOf(keySide, scope) : undefined
        if (!path || !key) continue
        if (op === '==') return exactly({ kind: 'equal', path, key })
        if (op === '!=') return exactly({ kind: 'notEqual', path, key })
        if (op === 'in') return exactly(flipped ? { kind: 'member', path, key } : { kind: 'in', path, key })
        if (op === '<' || op === '<=' || op === '>' || op === '>=') {
          return exactly({ kind: 'range', path, op: flipped ? FLIPPED[op] : op, key })
        }
      }
      return undefined
    }
    default:
      return undefined
  }
}

export function planQuery(tree: ExprNode): PlannedQuery {
  const planner = new Planner()
  const planned = planner.rewrite(tree as unknown as Node, { hidden: false, depth: 0 })
  return {
    tree: planned as unknown as ExprNode,
    nonce: planner.nonce,
    plans: planner.plans,
    memos: planner.memos,
    correlated: [...planner.plans.values()].some((plan) => plan.correlated),
  }
}
