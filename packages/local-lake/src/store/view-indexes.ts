import { isIndexKey, readPath, totalCompare, type IndexKey } from '../query/groq-semantics.js'
import type { LakeDocument } from '../types.js'
import { documentWithHandle } from './handles.js'
import { referenceSets } from './references.js'

/** Where a view's documents came from, so indexes the store keeps up to date can be reused. */
export interface ViewSource {
  /** Store documents whose `references()` set holds `id`. */
  queryReferrers(id: string): Iterable<LakeDocument>
}

/** A document's key in a sorted index: its value at the path and its position in the view. */
interface SortedEntry {
  document: LakeDocument
  key: unknown
  position: number
}

const testResults = new Map<string, WeakMap<LakeDocument, boolean>>()

/**
 * Lookups over one view's documents, each built on first use and kept until the view is
 * dropped (every commit drops them). All of them return documents in view order.
 */
export class ViewIndexes {
  private readonly values = new Map<string, Map<IndexKey, LakeDocument[]>>()
  private readonly members = new Map<string, Map<IndexKey, LakeDocument[]>>()
  private readonly sorted = new Map<string, SortedEntry[]>()
  private readonly definedAt = new Map<string, LakeDocument[]>()
  private referenceIndex: Map<string, LakeDocument[]> | undefined
  private readonly referencingCache = new Map<string, LakeDocument[]>()
  private readonly sets = new WeakMap<readonly LakeDocument[], Set<LakeDocument>>()

  constructor(
    private readonly documents: readonly LakeDocument[],
    private readonly positionOf: (document: LakeDocument) => number | undefined,
    private readonly source?: ViewSource,
    /** The view's document for a store document (drafts views hold copies under the published id). */
    private readonly fromStore?: (document: LakeDocument) => LakeDocument | undefined,
  ) {}

  /** Documents whose value at `path` is `key` (`path == key`). */
  equal(path: readonly string[], key: IndexKey): readonly LakeDocument[] {
    const name = path.join('.')
    let index = this.values.get(name)
    if (!index) {
      index = new Map()
      for (const document of this.documents) {
        const value = readPath(document, path)
        if (isIndexKey(value)) push(index, value, document)
      }
      this.values.set(name, index)
    }
    return index.get(key) ?? []
  }

  /**
   * Documents with a value at `path` (`defined(path)`), or for which `test` holds of that value
   * (`defined(lower(path))`: `test` is the function, evaluated by groq-js, named by `testName`).
   */
  defined(path: readonly string[], test?: { name: string; holds: (value: unknown) => boolean }): readonly LakeDocument[] {
    const name = `${test?.name ?? ''}:${path.join('.')}`
    let documents = this.definedAt.get(name)
    if (!documents) {
      // Functions such as dateTime() are worth remembering per document across views (documents
      // are never changed in place, so an answer holds as long as the object lives).
      let known = test ? testResults.get(name) : undefined
      if (test && !known) testResults.set(name, (known = new WeakMap()))
      documents = this.documents.filter((document) => {
        const value = readPath(document, path)
        if (!test || !known) return value !== null
        let holds = known.get(document)
        if (holds === undefined) known.set(document, (holds = test.holds(value)))
        return holds
      })
      this.definedAt.set(name, documents)
    }
    return documents
  }

  /** Documents whose array at `path` holds `key` (`key in path`). */
  member(path: readonly string[], key: IndexKey): readonly LakeDocument[] {
    const name = path.join('.')
    let index = this.members.get(name)
    if (!index) {
      index = new Map()
      for (const document of this.documents) {
        const value = readPath(document, path)
        if (!Array.isArray(value)) continue
        const seen = new Set<IndexKey>()
        for (const item of value) {
          if (isIndexKey(item) && !seen.has(item)) {
            seen.add(item)
            push(index, item, document)
          }
        }
      }
      this.members.set(name, index)
    }
    return index.get(key) ?? []
  }

  /** Documents `references(id)` is true for. */
  referencing(id: string): readonly LakeDocument[] {
    if (this.source && this.fromStore) {
      let found = this.referencingCache.get(id)
      if (!found) {
        found = []
        for (const stored of this.source.queryReferrers(id)) {
          const document = this.fromStore(stored)
          if (document) found.push(document)
        }
        found = this.inViewOrder(found)
        this.referencingCache.set(id, found)
      }
      return found
    }
    if (!this.referenceIndex) {
      this.referenceIndex = new Map()
      for (const document of this.documents) {
        for (const target of referenceSets(document).query) push(this.referenceIndex, target, document)
      }
    }
    return this.referenceIndex.get(id) ?? []
  }

  /**
   * Every document ordered the way `order(path asc)` orders them: groq-js's total order of the
   * value at `path`, ties in view order.
   */
  sortedBy(path: readonly string[]): readonly SortedEntry[] {
    const name = path.join('.')
    let entries = this.sorted.get(name)
    if (!entries) {
      entries = this.documents.map((document, position) => ({ document, key: readPath(document, path), position }))
      entries.sort((a, b) => totalCompare(a.key, b.key) || a.position - b.position)
      this.sorted.set(name, entries)
    }
    return entries
  }

  /** The document object carrying `handle` (see store/handles.ts), wherever it came from. */
  byHandle(handle: string): LakeDocument | undefined {
    return documentWithHandle(handle)
  }

  /** A Set of a lookup's result, cached with it, for intersections. */
  setOf(documents: readonly LakeDocument[]): Set<LakeDocument> {
    let set = this.sets.get(documents)
    if (!set) {
      set = new Set(documents)
      this.sets.set(documents, set)
    }
    return set
  }

  inViewOrder(documents: LakeDocument[]): LakeDocument[] {
    const positions = documents.map((document) => this.positionOf(document) ?? Number.MAX_SAFE_INTEGER)
    return documents
      .map((document, index) => ({ document, position: positions[index] ?? Number.MAX_SAFE_INTEGER }))
      .sort((a, b) => a.position - b.position)
      .map(({ document }) => document)
  }
}

function push<K>(index: Map<K, LakeDocument[]>, key: K, document: LakeDocument): void {
  const list = index.get(key)
  if (list) list.push(document)
  else index.set(key, [document])
}
