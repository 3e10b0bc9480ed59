import type { LakeDocument } from '../types.js'
import { documentsInPerspective, perspectiveKey, type Perspective } from './perspectives.js'
import { strongReferences } from './references.js'

/** The documents one perspective sees, with lookups by id and by type for query planning. */
export class View {
  readonly byId: Map<string, LakeDocument>
  private readonly positions: Map<string, number>
  private byType: Map<string, LakeDocument[]> | undefined

  constructor(readonly documents: LakeDocument[]) {
    this.byId = new Map(documents.map((document) => [document._id, document]))
    this.positions = new Map(documents.map((document, index) => [document._id, index]))
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
export class DocumentStore {
  private readonly documents = new Map<string, LakeDocument>()
  private readonly referrers = new Map<string, Set<string>>()
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

  /** Ids of documents holding a strong reference to `id`. */
  strongReferrers(id: string): ReadonlySet<string> {
    return this.referrers.get(id) ?? new Set()
  }

  view(perspective: Perspective): View {
    const key = perspectiveKey(perspective)
    let view = this.views.get(key)
    if (!view) {
      view = new View(documentsInPerspective(this.documents.values(), perspective))
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
    this.documents.set(document._id, document)
    for (const target of strongReferences(document)) {
      let sources = this.referrers.get(target)
      if (!sources) this.referrers.set(target, (sources = new Set()))
      sources.add(document._id)
    }
  }

  private unindexReferences(id: string): void {
    const existing = this.documents.get(id)
    if (!existing) return
    for (const target of strongReferences(existing)) this.referrers.get(target)?.delete(id)
  }
}
