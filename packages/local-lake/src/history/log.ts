/*
 * Document history for the Studio's history panel and "Review changes": the transactions committed
 * since the lake started, kept in memory (the most recent MAX_TRANSACTIONS), answered the way
 * Sanity's History API answers (https://www.sanity.io/docs/history-api): the transaction log with
 * mendoza effects, documents at a revision or time, and the document-group events the Studio lists.
 * History from before the lake started is not known; the Studio shows it as "history cleared".
 */
import { reportedMutations } from '../listen/events.js'
import { effectsOf } from '../listen/mendoza.js'
import { draftId as draftIdOf, isPathId, publishedId as publishedIdOf } from '../store/ids.js'
import type { DocumentChange, PreparedTransaction } from '../store/transaction.js'
import type { JsonObject, LakeDocument } from '../types.js'

const MAX_TRANSACTIONS = 5000

export interface TransactionQuery {
  ids: string[]
  includeIdentifiedDocumentsOnly: boolean
  excludeMutations: boolean
  mendoza: boolean
  reverse: boolean
  limit: number
  fromTransaction?: string
  toTransaction?: string
  fromTime?: string
  toTime?: string
  authors?: string[]
}

export interface TransactionLogEntry {
  id: string
  timestamp: string
  author: string
  documentIDs: string[]
  mutations?: JsonObject[]
  effects?: Record<string, { apply: unknown; revert: unknown }>
}

export type DocumentGroupEvent = JsonObject & { type: string; timestamp: string; author: string; documentId: string }

export class HistoryLog {
  private readonly transactions: PreparedTransaction[] = []

  record(transaction: PreparedTransaction): void {
    if (transaction.changes.size === 0) return
    this.transactions.push(transaction)
    if (this.transactions.length > MAX_TRANSACTIONS) this.transactions.shift()
  }

  /** The transaction log for `ids`, oldest first unless `reverse`. */
  log(query: TransactionQuery): TransactionLogEntry[] {
    const ids = new Set(query.ids)
    let selected = this.transactions.filter((transaction) => [...transaction.changes.keys()].some((id) => ids.has(id)))
    selected = slice(selected, query.fromTransaction, query.toTransaction)
    if (query.fromTime !== undefined) selected = selected.filter((transaction) => transaction.timestamp >= (query.fromTime ?? ''))
    if (query.toTime !== undefined) selected = selected.filter((transaction) => transaction.timestamp <= (query.toTime ?? ''))
    if (query.authors) selected = selected.filter((transaction) => query.authors?.includes(transaction.identity))
    if (query.reverse) selected = [...selected].reverse()
    return selected.slice(0, query.limit).map((transaction) => {
      const changes = [...transaction.changes.values()].filter((change) => !query.includeIdentifiedDocumentsOnly || ids.has(change.id))
      const entry: TransactionLogEntry = {
        id: transaction.transactionId,
        timestamp: transaction.timestamp,
        author: transaction.identity,
        documentIDs: changes.map((change) => change.id),
      }
      if (!query.excludeMutations)
        entry.mutations = changes.flatMap((change) =>
          reportedMutations(change, transaction.mutationsByDocument.get(change.id), transaction),
        )
      if (query.mendoza) entry.effects = Object.fromEntries(changes.map((change) => [change.id, effectsOf(change.before, change.after)]))
      return entry
    })
  }

  /**
   * A document as it was at a revision, or at a moment; `current` is the document as stored now.
   * Undefined when the log does not reach back that far.
   */
  documentAt(id: string, current: LakeDocument | null, at: { revision?: string; time?: string }): LakeDocument | null | undefined {
    if (at.revision !== undefined) {
      if (current?._rev === at.revision) return current
      for (const transaction of this.transactions) {
        const change = transaction.changes.get(id)
        if (change?.after?._rev === at.revision) return change.after
        if (change?.before?._rev === at.revision) return change.before
      }
      return undefined
    }
    const time = at.time ?? new Date().toISOString()
    let state: LakeDocument | null | undefined
    let seen = false
    for (const transaction of this.transactions) {
      const change = transaction.changes.get(id)
      if (!change) continue
      if (!seen) {
        seen = true
        state = change.before
      }
      if (transaction.timestamp > time) break
      state = change.after
    }
    if (!seen) return current && current._updatedAt <= time ? current : undefined
    return state
  }

  /**
   * What happened to a document group (a published document and its draft), newest first:
   * drafts created and discarded, publishes, unpublishes and deletions.
   */
  events(documentId: string): DocumentGroupEvent[] {
    const publishedId = publishedIdOf(documentId)
    const draftId = draftIdOf(publishedId)
    const events: DocumentGroupEvent[] = []
    for (const transaction of this.transactions) {
      const published = transaction.changes.get(publishedId)
      const draft = transaction.changes.get(draftId)
      if (!published && !draft) continue
      const base = { timestamp: transaction.timestamp, author: transaction.identity, documentId: publishedId }
      const created = (change: DocumentChange | undefined): boolean => Boolean(change && !change.before && change.after)
      const removed = (change: DocumentChange | undefined): boolean => Boolean(change && change.before && !change.after)
      if (published?.after && removed(draft)) {
        events.push({
          ...base,
          type: 'publishDocumentVersion',
          revisionId: transaction.transactionId,
          versionId: draftId,
          versionRevisionId: draft?.before?._rev,
          publishCause: 'document.publish',
        })
      } else if (removed(published)) {
        if (created(draft) || draft?.after) {
          events.push({ ...base, type: 'unpublishDocument', versionId: draftId, versionRevisionId: transaction.transactionId })
        } else events.push({ ...base, type: 'deleteDocumentGroup' })
      } else if (created(draft)) {
        events.push({ ...base, type: 'createDocumentVersion', versionId: draftId, versionRevisionId: transaction.transactionId })
      } else if (removed(draft)) {
        events.push({ ...base, type: 'deleteDocumentVersion', versionId: draftId, versionRevisionId: draft?.before?._rev })
      } else if (created(published) && !isPathId(publishedId)) {
        // Written straight to the published id (the content CLI, imports, live-edit types).
        events.push({ ...base, type: 'createLiveDocument', revisionId: transaction.transactionId })
      } else if (published?.after && !draft) {
        events.push({ ...base, type: 'updateLiveDocument', revisionId: transaction.transactionId })
      }
    }
    return events.reverse()
  }
}

/** The transactions from `from` (inclusive) to `to` (inclusive), by id; unknown ids bound nothing. */
function slice(transactions: PreparedTransaction[], from: string | undefined, to: string | undefined): PreparedTransaction[] {
  let start = 0
  let end = transactions.length
  if (from) {
    const index = transactions.findIndex((transaction) => transaction.transactionId === from)
    if (index !== -1) start = index
  }
  if (to) {
    const index = transactions.findIndex((transaction) => transaction.transactionId === to)
    if (index !== -1) end = index + 1
  }
  return transactions.slice(start, end)
}
