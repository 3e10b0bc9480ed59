/*
 * Listener `mutation` events for a committed transaction, shaped like the Content Lake's
 * (https://www.sanity.io/docs/http-reference/listen). The Studio chains each document's events by
 * `previousRev` -> `resultRev`, recognises its own writes by `transactionId`, applies `mutations`
 * to its copy with @sanity/mutator and `effects` (mendoza) to previews and history, so all of
 * these must describe exactly what the lake stored.
 */
import { Mutation } from '@sanity/mutator'
import type { DocumentChange, PreparedTransaction } from '../store/transaction.js'
import type { JsonObject, LakeDocument } from '../types.js'
import { effectsOf, sameJson } from './mendoza.js'

export type Transition = 'appear' | 'update' | 'disappear'

export interface MutationEvent {
  eventId: string
  documentId: string
  transactionId: string
  transition: Transition
  identity: string
  mutations?: JsonObject[]
  previousRev?: string
  resultRev: string
  timestamp: string
  visibility: 'query' | 'transaction'
  effects?: { apply: unknown; revert: unknown }
  result?: LakeDocument
  previous?: LakeDocument | null
  transactionTotalEvents: number
  transactionCurrentEvent: number
}

export interface EventOptions {
  includeResult: boolean
  includePreviousRevision: boolean
  includeMutations: boolean
  mendoza: boolean
}

const SYSTEM_FIELDS_SET_BY_READERS = new Set(['_rev', '_updatedAt'])

function content(document: LakeDocument | null): JsonObject | null {
  if (!document) return null
  return Object.fromEntries(Object.entries(document).filter(([key]) => !SYSTEM_FIELDS_SET_BY_READERS.has(key)))
}

/**
 * The mutations to report for one document. The ones the transaction applied are reported when
 * @sanity/mutator (what the Studio applies them with) turns the old document into exactly the
 * stored one; otherwise (a patch our engine reads differently, keys added by
 * autoGenerateArrayKeys) the stored document itself, as a createOrReplace, so readers never drift.
 */
export function reportedMutations(
  change: DocumentChange,
  applied: JsonObject[] | undefined,
  transaction: PreparedTransaction,
): JsonObject[] {
  const fallback = (): JsonObject[] => (change.after ? [{ createOrReplace: content(change.after) ?? {} }] : [{ delete: { id: change.id } }])
  if (!applied || applied.length === 0) return fallback()
  try {
    const replayed = new Mutation({
      mutations: applied,
      transactionId: transaction.transactionId,
      resultRev: transaction.transactionId,
      timestamp: transaction.timestamp,
    }).apply(change.before as never) as LakeDocument | null
    return sameJson(content(replayed), content(change.after)) ? applied : fallback()
  } catch {
    return fallback()
  }
}

/** A change as one listener sees it: whether the document matched its filter before and after. */
export interface ListenedChange {
  change: DocumentChange
  matchedBefore: boolean
  matchedAfter: boolean
}

/**
 * Transitions are relative to the listener's filter, as Sanity defines them: `appear` when the
 * document starts matching (created, or changed into the filter), `disappear` when it stops.
 */
export function transitionOf({ matchedBefore, matchedAfter }: ListenedChange): Transition {
  if (!matchedBefore) return 'appear'
  if (!matchedAfter) return 'disappear'
  return 'update'
}

/** One event per change, for the changes a listener receives (in commit order). */
export function mutationEvents(transaction: PreparedTransaction, listened: ListenedChange[], options: EventOptions): MutationEvent[] {
  return listened.map((seen, index) => {
    const { change } = seen
    const event: MutationEvent = {
      eventId: `${transaction.transactionId}#${change.id}`,
      documentId: change.id,
      transactionId: transaction.transactionId,
      transition: transitionOf(seen),
      identity: transaction.identity,
      resultRev: transaction.transactionId,
      timestamp: transaction.timestamp,
      // Writes here are visible to queries before anything is sent, which is what "query" promises.
      visibility: 'query',
      transactionTotalEvents: listened.length,
      transactionCurrentEvent: index, // zero-based, as the client documents it
    }
    // A document that did not exist has no previous revision: the field is left out, not null.
    if (change.before) event.previousRev = change.before._rev
    if (options.includeMutations) event.mutations = reportedMutations(change, transaction.mutationsByDocument.get(change.id), transaction)
    if (options.mendoza) event.effects = effectsOf(change.before, change.after)
    if (options.includeResult && change.after) event.result = change.after
    if (options.includePreviousRevision) event.previous = change.before
    return event
  })
}
