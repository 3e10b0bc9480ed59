import { DateTime, evaluateSync, Path, type EvaluateOptions, type ExprNode } from 'groq-js'
import type { View } from '../store/store.js'
import type { LakeDocument } from '../types.js'
import { isIndexKey, totalCompare, typeRank, type IndexKey } from './groq-semantics.js'
import type { FilterPlan, KeyExpression, Lookup, PlannedQuery } from './plan.js'

type Documents = readonly LakeDocument[]

/**
 * Answers the hooks of one evaluation of a planned query (see plan.ts): a filter's candidates
 * from the view's indexes, or a memoized subquery. Every answer is either exact or null, which
 * sends groq-js back to scanning everything.
 */
interface Found {
  documents: Documents
  /** Exactly the matches of the lookup's condition (otherwise a superset). */
  exact: boolean
}

export class PlanRunner {
  private readonly memoValues = new Map<number, unknown>()
  private readonly found = new Map<string, Found | null>()

  constructor(
    private readonly planned: PlannedQuery,
    private readonly view: View,
    /** The evaluation's own options (dataset, params, timestamp, dereference): sub-evaluations share them. */
    private readonly options: EvaluateOptions,
  ) {}

  /** The dereference of a hook `_ref` (without its nonce). */
  resolve(key: string): unknown {
    try {
      if (key.startsWith('memo:')) return this.memo(Number(key.slice(5)))
      const [, kind, id, handle] = /^(plan|exact):(\d+):(.*)$/.exec(key) ?? []
      const plan = this.planned.plans.get(Number(id))
      if (!plan) return null
      let parent: LakeDocument | undefined
      if (plan.correlated) {
        parent = handle ? this.view.indexes.byHandle(handle) : undefined
        if (!parent) return null
      }
      const cacheKey = `${plan.id}:${plan.correlated ? handle : ''}`
      let found = this.found.get(cacheKey)
      if (found === undefined) {
        found = this.run(plan, parent)
        this.found.set(cacheKey, found)
      }
      if (!found) return null
      return kind === 'exact' && !found.exact ? null : found.documents
    } catch {
      // Whatever went wrong, groq-js evaluating the original expression decides (and reports it).
      return null
    }
  }

  private memo(id: number): unknown {
    if (!this.memoValues.has(id)) {
      const node = this.planned.memos.get(id)
      this.memoValues.set(id, node ? evaluateSync(node as unknown as ExprNode, this.options).data : null)
    }
    return this.memoValues.get(id)
  }

  private run(plan: FilterPlan, parent: LakeDocument | undefined): Found | null {
    const found = this.lookup(plan.lookup, parent)
    if (!found || !Array.isArray(found.documents)) return null
    const exact = plan.exact && found.exact
    if (plan.topK && found.documents.length > plan.topK.limit * 2 + 16) {
      return { documents: this.firstInOrder(plan, found.documents, exact, parent), exact }
    }
    return { documents: found.documents, exact }
  }

  /** The value of a compared expression, `^` being `parent`. */
  private key(key: KeyExpression, parent: LakeDocument | undefined): unknown {
    // A projection opens a scope whose parent is the root, as the filter's does: `^` is the root.
    const node = { type: 'Projection', base: { type: 'Value', value: {} }, expr: key.node } as unknown as ExprNode
    return evaluateSync(node, { ...this.options, root: parent ?? null }).data
  }

  /** Documents that may satisfy the lookup, in view order; undefined: no narrowing possible. */
  private lookup(
    lookup: Lookup,
    parent: LakeDocument | undefined,
  ): { documents?: Documents; exclude?: Set<LakeDocument>; exact: boolean } | undefined {
    const indexes = this.view.indexes
    const exactly = (documents: Documents) => ({ documents, exact: true })
    switch (lookup.kind) {
      case 'and': {
        const parts = lookup.parts.map((part) => this.lookup(part, parent))
        const exact = parts.every((part) => part?.exact === true)
        const sets = parts.flatMap((part) => (part?.documents ? [part.documents] : []))
        if (sets.length === 0) return undefined
        sets.sort((a, b) => a.length - b.length)
        const [smallest, ...rest] = sets as [Documents, ...Documents[]]
        const within = rest.map((part) => indexes.setOf(part))
        const excluded = parts.flatMap((part) => (part?.exclude ? [part.exclude] : []))
        if (within.length === 0 && excluded.length === 0) return { documents: smallest, exact }
        const documents = smallest.filter(
          (document) => within.every((set) => set.has(document)) && excluded.every((set) => !set.has(document)),
        )
        return { documents, exact }
      }
      case 'or': {
        const parts = lookup.parts.map((part) => this.lookup(part, parent))
        if (parts.some((part) => !part?.documents)) return undefined
        const documents = indexes.inViewOrder([...new Set(parts.flatMap((part) => [...(part?.documents ?? [])]))])
        return { documents, exact: parts.every((part) => part?.exact === true) }
      }
      case 'defined': {
        const fn = lookup.fn
        if (!fn) return exactly(indexes.defined(lookup.path))
        const holds = (value: unknown): boolean => {
          const call = { type: 'FuncCall', namespace: fn.namespace, name: fn.name, args: [{ type: 'Value', value }] }
          return evaluateSync(call as unknown as ExprNode).type !== 'null'
        }
        return exactly(indexes.defined(lookup.path, { name: `${fn.namespace}::${fn.name}`, holds }))
      }
      case 'notEqual': {
        const value = this.key(lookup.key, parent)
        // `path != null` keeps what has the path; objects and arrays equal nothing, so exclude nothing.
        if (value === null || value === undefined || isOpaque(value)) return undefined
        if (!isIndexKey(value)) return { exclude: new Set(), exact: true }
        return { exclude: indexes.setOf(this.equal(lookup.path, value)), exact: true }
      }
      case 'equal': {
        const value = this.key(lookup.key, parent)
        // `path == null` holds where the path is missing: not indexed. Objects and arrays equal nothing.
        if (value === null || value === undefined) return undefined
        if (!isIndexKey(value)) return isOpaque(value) ? undefined : exactly([])
        return exactly(this.equal(lookup.path, value))
      }
      case 'in': {
        const value = this.key(lookup.key, parent)
        if (value === null || value === undefined) return exactly([]) // `x in null` is null: nothing matches
        if (!Array.isArray(value)) return undefined // paths and other operands: not indexed
        if (value.some((item) => item === null || item === undefined)) return undefined
        const keys = [...new Set(value.filter(isIndexKey))]
        if (keys.length === 1) return exactly(this.equal(lookup.path, keys[0] as IndexKey))
        return exactly(indexes.inViewOrder([...new Set(keys.flatMap((key) => [...this.equal(lookup.path, key)]))]))
      }
      case 'member': {
        const value = this.key(lookup.key, parent)
        if (value === null || value === undefined) return undefined
        if (!isIndexKey(value)) return isOpaque(value) ? undefined : exactly([])
        return exactly(indexes.member(lookup.path, value))
      }
      case 'range': {
        const value = this.key(lookup.key, parent)
        if (typeof value !== 'string' && typeof value !== 'number') {
          return isOpaque(value) || typeof value === 'boolean' ? undefined : exactly([])
        }
        return exactly(this.range(lookup.path, lookup.op, value))
      }
      case 'references': {
        const ids = new Set<string>()
        for (const key of lookup.keys) {
          const value = this.key(key, parent)
          if (typeof value === 'string') ids.add(value)
          else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') ids.add(item)
        }
        if (ids.size === 0) return exactly([]) // references() with no ids is false
        if (ids.size === 1) return exactly(indexes.referencing(ids.values().next().value as string))
        return exactly(indexes.inViewOrder([...new Set([...ids].flatMap((id) => [...indexes.referencing(id)]))]))
      }
    }
  }

  private equal(path: readonly string[], key: IndexKey): Documents {
    if (path.length === 1 && path[0] === '_type' && typeof key === 'string') return this.view.ofType(key)
    if (path.length === 1 && path[0] === '_id' && typeof key === 'string') {
      const document = this.view.byId.get(key)
      return document ? [document] : []
    }
    return this.view.indexes.equal(path, key)
  }

  /** `path <op> value`: groq-js compares only values of the same type, one block of the sorted index. */
  private range(path: readonly string[], op: '<' | '<=' | '>' | '>=', value: string | number): Documents {
    const sorted = this.view.indexes.sortedBy(path)
    const rank = typeRank(value)
    /** The first entry for which `test` holds; `test` must be false, then true, along the index. */
    const first = (test: (key: unknown) => boolean): number => {
      let low = 0
      let high = sorted.length
      while (low < high) {
        const middle = (low + high) >> 1
        if (test((sorted[middle] as { key: unknown }).key)) high = middle
        else low = middle + 1
      }
      return low
    }
    const typeStart = first((key) => typeRank(key) >= rank)
    const typeEnd = first((key) => typeRank(key) > rank)
    const notBelow = first((key) => totalCompare(key, value) >= 0)
    const above = first((key) => totalCompare(key, value) > 0)
    const bounds: Record<typeof op, [number, number]> = {
      '<': [typeStart, notBelow],
      '<=': [typeStart, above],
      '>': [above, typeEnd],
      '>=': [notBelow, typeEnd],
    }
    const [from, to] = bounds[op]
    return this.view.indexes.inViewOrder(sorted.slice(from, Math.max(from, to)).map((entry) => entry.document))
  }

  /**
   * Top-k: walks the view in `order()`'s order of the first sort key and keeps candidates that
   * satisfy the condition until `limit` of them are found, plus every later one tied with the
   * last on that key (further sort keys and position decide among those). groq-js then sorts
   * and slices this set exactly as it would have sorted and sliced all matches.
   */
  private firstInOrder(plan: FilterPlan, found: Documents, exact: boolean, parent: LakeDocument | undefined): Documents {
    const topK = plan.topK
    if (!topK) return found
    const candidates = this.view.indexes.setOf(found)
    const sorted = this.view.indexes.sortedBy(topK.path)
    const options = { ...this.options, root: parent ?? null }
    const matches: LakeDocument[] = []
    let boundary: { key: unknown } | undefined
    const step = topK.descending ? -1 : 1
    for (let index = topK.descending ? sorted.length - 1 : 0; index >= 0 && index < sorted.length; index += step) {
      const entry = sorted[index] as { document: LakeDocument; key: unknown }
      if (boundary && totalCompare(entry.key, boundary.key) !== 0) break
      if (!candidates.has(entry.document)) continue
      if (!exact) {
        const test = { type: 'Filter', base: { type: 'Value', value: [entry.document] }, expr: plan.condition } as unknown as ExprNode
        const kept = evaluateSync(test, options).data
        if (!Array.isArray(kept) || kept.length === 0) continue
      }
      matches.push(entry.document)
      if (matches.length === topK.limit) boundary = entry
    }
    return this.view.indexes.inViewOrder(matches)
  }
}

/** Values groq-js has types for that JSON doesn't: compared by their own rules, never indexed. */
function isOpaque(value: unknown): boolean {
  return value instanceof DateTime || value instanceof Path
}
