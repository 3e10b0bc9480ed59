/*
 * Which values a GROQ expression can see. groq-js evaluates `@` (This) in the current scope and
 * `^` (Parent) by walking scope parents; filters, projections and order() arguments open nested
 * scopes, and Map/FlatMap (`a[]{…}`, `a[].b`) open hidden ones, whose children skip them when
 * looking for a parent. This replays those rules on the tree to say, for an expression inside a
 * filter `*[…]`, whether it reads the element being tested, the value outside the filter (what
 * `^` is), something further out, or nothing but itself.
 */

export type Label = 'element' | 'parent' | 'outer' | 'inner'

export interface AbstractScope {
  self: Label
  /** parents[0] is what `^` resolves to. */
  parents: Label[]
  hidden: boolean
}

/** A tree node of any kind (expressions and the attribute/element records inside them), loosely typed. */
export type Node = { type: string } & Record<string, unknown>

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
}

export function childScope(scope: AbstractScope, hidden: boolean): AbstractScope {
  return { self: 'inner', parents: scope.hidden ? scope.parents : [scope.self, ...scope.parents], hidden }
}

/** The scope of a filter's condition, when the filter itself is evaluated in a (hidden?) scope. */
export function filterScope(siteHidden: boolean): AbstractScope {
  const site: AbstractScope = { self: 'parent', parents: ['outer'], hidden: siteHidden }
  return { ...childScope(site, false), self: 'element' }
}

// Functions that evaluate their arguments in the caller's scope and read nothing else from it.
const PLAIN_FUNCTIONS: Record<string, ReadonlySet<string>> = {
  global: new Set(['coalesce', 'count', 'defined', 'length', 'string', 'round', 'lower', 'upper', 'dateTime', 'now', 'identity']),
  array: new Set(['join', 'compact', 'unique', 'intersects']),
  string: new Set(['lower', 'upper', 'split', 'startsWith']),
  math: new Set(['min', 'max', 'sum', 'avg']),
  pt: new Set(['text']),
  dateTime: new Set(['now']),
  sanity: new Set(['projectId', 'dataset']),
}

/** A function call groq-js evaluates with its arguments in the caller's scope (see readsOf). */
export function isPlainCall(node: Node): boolean {
  if (node.type !== 'FuncCall') return false
  if (node.namespace === 'global' && node.name === 'references') return true
  return PLAIN_FUNCTIONS[String(node.namespace)]?.has(String(node.name)) === true
}

/**
 * Adds the labels `node` reads (evaluated in `scope`) to `into`; false if the tree holds
 * something this analysis does not model, in which case nothing may be assumed about it.
 */
export function readsOf(node: unknown, scope: AbstractScope, into: Set<Label>): boolean {
  if (!isNode(node)) return false
  const children = (...items: unknown[]): boolean => items.every((item) => item === undefined || readsOf(item, scope, into))
  switch (node.type) {
    case 'Value':
    case 'Parameter':
    case 'Everything':
    case 'Context':
      return true
    case 'This':
      into.add(scope.self)
      return true
    case 'Parent':
      into.add(scope.parents[(node.n as number) - 1] ?? 'outer')
      return true
    case 'AccessAttribute':
      if (node.base === undefined) {
        into.add(scope.self)
        return true
      }
      return children(node.base)
    case 'AccessElement':
    case 'Slice':
    case 'ArrayCoerce':
    case 'Deref':
    case 'Group':
    case 'Not':
    case 'Neg':
    case 'Pos':
    case 'Asc':
    case 'Desc':
      return children(node.base)
    case 'And':
    case 'Or':
    case 'OpCall':
      return children(node.left, node.right)
    case 'InRange':
      return children(node.base, node.left, node.right)
    case 'Filter':
    case 'Projection':
      return children(node.base) && readsOf(node.expr, childScope(scope, false), into)
    case 'Map':
    case 'FlatMap':
      return children(node.base) && readsOf(node.expr, childScope(scope, true), into)
    case 'PipeFuncCall': {
      if (node.name !== 'order') return false
      const inner = childScope(scope, false)
      return children(node.base) && (node.args as unknown[]).every((arg) => readsOf(arg, inner, into))
    }
    case 'FuncCall': {
      const name = String(node.name)
      if (node.namespace === 'global' && name === 'references') into.add(scope.self)
      else if (!PLAIN_FUNCTIONS[String(node.namespace)]?.has(name)) return false
      return (node.args as unknown[]).every((arg) => readsOf(arg, scope, into))
    }
    case 'Object':
      return (node.attributes as Node[]).every((attribute) => {
        if (attribute.type === 'ObjectAttributeValue' || attribute.type === 'ObjectSplat') return readsOf(attribute.value, scope, into)
        if (attribute.type === 'ObjectConditionalSplat') return children(attribute.condition, attribute.value)
        return false
      })
    case 'Array':
      return (node.elements as Node[]).every((element) => readsOf(element.value, scope, into))
    case 'Select':
      return (
        (node.alternatives as Node[]).every((alternative) => children(alternative.condition, alternative.value)) && children(node.fallback)
      )
    default:
      return false
  }
}

/** What an expression evaluated in `scope` depends on, or undefined if it can't be said. */
export function dependencies(node: unknown, scope: AbstractScope): Set<Label> | undefined {
  const labels = new Set<Label>()
  return readsOf(node, scope, labels) ? labels : undefined
}

/** True if the subtree evaluates `*` somewhere (a subquery: worth planning or memoizing). */
export function containsEverything(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(containsEverything)
  if (!isNode(node)) return false
  if (node.type === 'Everything') return true
  if (node.type === 'Value') return false
  return Object.entries(node).some(
    ([key, child]) => key !== 'type' && typeof child === 'object' && child !== null && containsEverything(child),
  )
}
