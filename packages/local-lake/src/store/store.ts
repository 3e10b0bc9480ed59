import type { LakeDocument } from '../types.js'
import { assignHandle } from './handles.js'
import { publishedId } from './ids.js'
import { documentsInPerspective, perspectiveKey, type Perspective } from './perspectives.js'
import { referenceSets } from './references.js'
import { ViewIndexes, type ViewSource } from './view-indexes.js'

/** The documents one perspective sees, with lookups by id and by type, and indexes for query planning. */
export class View {
  readonly byId: Map<string, LakeDocument>
  private readonly positions: Map<string, number>
  private byType: Map<string, LakeDocument[]> | undefined
  private lazyIndexes: ViewIndexes | undefined
  private handled = false

  /** `source`: the store the documents came from, whose reference index the view can reuse. */
  constructor(
    readonly documents: LakeDocument[],
    private readonly source?: ViewSource,
  ) {
    this.byId = new Map(documents.map((document) => [document._id, document]))
    this.positions = new Map(documents.map((document, index) => [document._id, index]))
  }

  /** Gives every document a handle, for correlated subqueries (store documents have them already). */
  ensureHandles(): void {
    if (this.handled) return
    for (const document of this.documents) assignHandle(document)
    this.handled = true
  }

  get indexes(): ViewIndexes {
    this.lazyIndexes ??= new ViewIndexes(
      this.documents,
      (document) => this.positions.get(document._id),
      this.source,
      (stored) => {
        // Published and raw views hold the store's objects; a drafts view holds copies under the
        // published id, each marking the document it came from in _originalId.
        const document = this.byId.get(stored._id)
        if (document === stored) return document
        const copy = typeof stored._id === 'string' ? this.byId.get(publishedId(stored._id)) : undefined
        return copy && copy._originalId === stored._id ? copy : undefined
      },
    )
    return this.lazyIndexes
  }

  position(id: string): number {
    return this.positions.get(id) ?? Number.MAX_SAFE_INTEGER
  }

  ofType(type: string): LakeDocument[] {
    if (!this.byType) {
      this.byType = new Map()
      for (const document of this.documents) {
        const list = this.byType.get(document._type)
        if (list) list.push(document)
        else this.byType.set(document._type, [document])
      }
    }
    return this.byType.get(type) ?? []
  }
}

/**
 * Every document by id (insertion order is file order, which is also write-back order), plus
 * an index of who references whom so deletes can be checked without scanning the dataset.
 * Views per perspective are built on demand and dropped on every commit.
 */
export class DocumentStore implements ViewSource {
  private readonly documents = new Map<string, LakeDocument>()
  private readonly referrers = new Map<string, Set<string>>()
  /** Ids of the documents `references(id)` is true for, by id: kept current so no commit rescans. */
  private readonly queryReferrerIds = new Map<string, Set<string>>()
  private readonly views = new Map<string, View>()

  constructor(documents: Iterable<LakeDocument>) {
    for (const document of documents) this.put(document)
  }

  get size(): number {
    return this.documents.size
  }

  get(id: string): LakeDocument | undefined {
    return this.documents.get(id)
  }

  values(): IterableIterator<LakeDocument> {
    return this.documents.values()
  }

  *queryReferrers(id: string): Iterable<LakeDocument> {
    for (const source of this.queryReferrerIds.get(id) ?? []) {
      const document = this.documents.get(source)
      if (document) yield document
    }
  }

  /** Ids of documents holding a strong reference to `id`. */
  strongReferrers(id: string): ReadonlySet<string> {
    return this.referrers.get(id) ?? new Set()
  }

  view(perspective: Perspective): View {
    const key = perspectiveKey(perspective)
    let view = this.views.get(key)
    if (!view) {
      view = new View(documentsInPerspective(this.documents.values(), perspective), this)
      this.views.set(key, view)
    }
    return view
  }

  /** Applies a committed transaction: a new document, or null for a deletion. */
  commit(changes: ReadonlyMap<string, LakeDocument | null>): void {
    for (const [id, document] of changes) {
      this.unindexReferences(id)
      if (document) this.put(document)
      else this.documents.delete(id)
    }
    this.views.clear()
  }

  private put(document: LakeDocument): void {
    assignHandle(document)
    this.documents.set(document._id, document)
    const { strong, query } = referenceSets(document)
    for (const target of strong) addTo(this.referrers, target, document._id)
    for (const target of query) addTo(this.queryReferrerIds, target, document._id)
  }

  private unindexReferences(id: string): void {
    const existing = this.documents.get(id)
    if (!existing) return
    const { strong, query } = referenceSets(existing)
    for (const target of strong) this.referrers.get(target)?.delete(id)
    for (const target of query) this.queryReferrerIds.get(target)?.delete(id)
  }
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  let ids = index.get(key)
  if (!ids) index.set(key, (ids = new Set()))
  ids.add(id)
}
