/*
 * Every open listener, and what each committed transaction means for it. Transactions are
 * delivered in commit order, synchronously after they are written and visible to queries, so a
 * listener that fetches on `welcome` and then applies events never misses or repeats a change.
 * The most recent transactions are kept so a listener that reconnects with the id of the last
 * event it saw can be sent what it missed (`welcomeback`), as Sanity's resumable listeners are.
 */
import { randomBytes } from 'node:crypto'
import { isPathId } from '../store/ids.js'
import type { PreparedTransaction } from '../store/transaction.js'
import { mutationEvents, type EventOptions, type ListenedChange, type MutationEvent } from './events.js'
import type { DocumentFilter } from './filter.js'

export interface ListenerSpec extends EventOptions {
  filter: DocumentFilter
  /** With the lake token: drafts are visible; release versions only with includeAllVersions. */
  withToken: boolean
  includeAllVersions: boolean
}

export type ListenerMessage =
  { type: 'welcome' | 'welcomeback' | 'reset'; listenerName: string } | { type: 'mutation'; event: MutationEvent }

export interface Listener {
  close(): void
}

/** How many recent transactions are kept for resuming listeners, and for how long. */
const RESUME_TRANSACTIONS = 1000
const RESUME_WINDOW_MS = 10 * 60 * 1000

interface Subscriber {
  spec: ListenerSpec
  send: (message: ListenerMessage) => void
}

function visibleTo(spec: ListenerSpec, id: string): boolean {
  if (!isPathId(id)) return true
  if (!spec.withToken) return false
  return id.startsWith('drafts.') || spec.includeAllVersions
}

export class ListenerHub {
  private readonly subscribers = new Set<Subscriber>()
  private readonly recent: { transaction: PreparedTransaction; at: number }[] = []

  get size(): number {
    return this.subscribers.size
  }

  /**
   * Registers a listener and greets it: `welcome`, or with `resumeFrom` (the id of the last event
   * the client saw) `welcomeback` plus every event it missed, or `reset` when they are no longer
   * known (the lake restarted, or too long ago) and the client must fetch afresh.
   */
  listen(spec: ListenerSpec, send: (message: ListenerMessage) => void, resumeFrom?: string): Listener {
    const subscriber: Subscriber = { spec, send }
    const listenerName = `local-${randomBytes(9).toString('base64url')}`
    if (resumeFrom === undefined) send({ type: 'welcome', listenerName })
    else {
      const missed = this.transactionsAfter(resumeFrom)
      if (missed === undefined) send({ type: 'reset', listenerName })
      else {
        send({ type: 'welcomeback', listenerName })
        for (const transaction of missed) this.deliver(subscriber, transaction)
      }
    }
    this.subscribers.add(subscriber)
    return { close: () => this.subscribers.delete(subscriber) }
  }

  /** Sends a committed transaction to every listener it concerns. */
  publish(transaction: PreparedTransaction): void {
    const now = Date.now()
    this.recent.push({ transaction, at: now })
    while (this.recent.length > RESUME_TRANSACTIONS || (this.recent[0] && now - this.recent[0].at > RESUME_WINDOW_MS)) this.recent.shift()
    for (const subscriber of this.subscribers) this.deliver(subscriber, transaction)
  }

  private deliver(subscriber: Subscriber, transaction: PreparedTransaction): void {
    const { spec } = subscriber
    const concerned: ListenedChange[] = []
    for (const change of transaction.changes.values()) {
      if (!visibleTo(spec, change.id)) continue
      const matchedBefore = spec.filter.matches(change.before)
      const matchedAfter = spec.filter.matches(change.after)
      if (matchedBefore || matchedAfter) concerned.push({ change, matchedBefore, matchedAfter })
    }
    if (concerned.length === 0) return
    for (const event of mutationEvents(transaction, concerned, spec)) subscriber.send({ type: 'mutation', event })
  }

  /** The transactions after the one an event id (`<transactionId>#<documentId>`) belongs to. */
  private transactionsAfter(eventId: string): PreparedTransaction[] | undefined {
    const transactionId = eventId.split('#')[0]
    const index = this.recent.findIndex((entry) => entry.transaction.transactionId === transactionId)
    if (index === -1) return undefined
    return this.recent.slice(index + 1).map((entry) => entry.transaction)
  }
}
