import { createHash } from 'node:crypto'
import { encodeSignatureHeader } from '@sanity/webhook'
import { evaluate, type ExprNode } from 'groq-js'
import { isPathId } from '../store/ids.js'
import type { DocumentStore } from '../store/store.js'
import type { DocumentChange, PreparedTransaction } from '../store/transaction.js'
import type { LakeDocument, WebhookConfig, WebhookOperation, WebhookRetryOptions } from '../types.js'
import { compileWebhook, type CompiledWebhook } from './config.js'
import { sendOnce, shouldRetry, succeeded } from './deliver.js'

export interface DispatcherContext {
  projectId: string
  dataset: string
  retry: WebhookRetryOptions
  log: (line: string) => void
}

interface Delivery {
  hook: CompiledWebhook
  operation: WebhookOperation
  documentId: string
  transactionId: string
  transactionTime: string
  body: string
}

/**
 * GROQ-powered webhooks: after each committed transaction, every changed document is checked
 * against each webhook's filter, projected, and sent signed, in the background, with retries.
 */
export class WebhookDispatcher {
  private readonly hooks: CompiledWebhook[]
  private readonly pending = new Set<Promise<void>>()
  private readonly sleepers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>()
  private closed = false
  private readonly attempts: number
  private readonly baseDelayMs: number
  private readonly timeoutMs: number

  constructor(
    configs: WebhookConfig[],
    private readonly context: DispatcherContext,
  ) {
    this.hooks = configs.map((config, index) => compileWebhook(config, index))
    this.attempts = Math.max(1, context.retry.attempts ?? 6)
    this.baseDelayMs = Math.max(0, context.retry.baseDelayMs ?? 1000)
    this.timeoutMs = Math.max(1, context.retry.timeoutMs ?? 10_000)
  }

  notify(transaction: PreparedTransaction, store: DocumentStore): void {
    if (this.hooks.length === 0 || this.closed) return
    const raw = store.view({ kind: 'raw' })
    this.track(
      (async () => {
        for (const change of transaction.changes.values()) {
          for (const hook of this.hooks) {
            const body = await this.payloadFor(hook, change, raw.documents, (id) => raw.byId.get(id) ?? null)
            if (body === undefined) continue
            this.track(
              this.deliver({
                hook,
                operation: operationOf(change),
                documentId: change.id,
                transactionId: transaction.transactionId,
                transactionTime: transaction.timestamp,
                body,
              }),
            )
          }
        }
      })().catch((error: unknown) => {
        this.context.log(`webhooks: could not evaluate a webhook: ${error instanceof Error ? error.message : String(error)}`)
      }),
    )
  }

  /** Resolves when every queued delivery has succeeded, failed for good, or been abandoned by close(). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending])
  }

  /** Stops retrying; deliveries still waiting for a retry are abandoned. */
  close(): void {
    this.closed = true
    for (const sleeper of this.sleepers) {
      clearTimeout(sleeper.timer)
      sleeper.wake()
    }
    this.sleepers.clear()
  }

  private track(promise: Promise<void>): void {
    this.pending.add(promise)
    void promise.finally(() => this.pending.delete(promise))
  }

  private async payloadFor(
    hook: CompiledWebhook,
    change: DocumentChange,
    dataset: LakeDocument[],
    dereference: (id: string) => LakeDocument | null,
  ): Promise<string | undefined> {
    const operation = operationOf(change)
    if (!hook.on.has(operation)) return undefined
    if (isPathId(change.id) && hook.config.includeDrafts !== true) return undefined
    const options = {
      dataset,
      before: change.before ?? undefined,
      after: change.after ?? undefined,
      sanity: { projectId: this.context.projectId, dataset: this.context.dataset },
      dereference: ({ _ref }: { _ref: string }) => dereference(_ref),
    }
    const states = [change.before, change.after].filter((state): state is LakeDocument => state !== null)
    if (hook.filter && !(await anyMatches(hook.filter, states, options))) return undefined
    const subject = change.after ?? change.before
    const body = hook.projection ? await (await evaluate(hook.projection, { ...options, root: subject })).get() : subject
    return JSON.stringify(body ?? null)
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const { hook, operation, documentId } = delivery
    const idempotencyKey = createHash('sha256')
      .update(`${hook.config.name}\n${delivery.transactionId}\n${documentId}`)
      .digest('hex')
      .slice(0, 32)
    for (let attempt = 1; attempt <= this.attempts && !this.closed; attempt++) {
      const headers: Record<string, string> = {
        ...hook.config.headers,
        'content-type': 'application/json',
        'user-agent': 'Sanity.io webhook delivery (local lake)',
        'idempotency-key': idempotencyKey,
        'sanity-webhook-id': hook.config.name,
        'sanity-project-id': this.context.projectId,
        'sanity-dataset': this.context.dataset,
        'sanity-document-id': documentId,
        'sanity-operation': operation,
        'sanity-transaction-id': delivery.transactionId,
        'sanity-transaction-time': delivery.transactionTime,
      }
      if (hook.config.secret) {
        headers['sanity-webhook-signature'] = await encodeSignatureHeader(delivery.body, Date.now(), hook.config.secret)
      }
      const result = await sendOnce(hook.url, hook.method, headers, delivery.body, this.timeoutMs)
      const outcome = result.status === undefined ? (result.error ?? 'no response') : String(result.status)
      const where = `webhook "${hook.config.name}" ${operation} ${documentId} -> ${hook.url.toString()}`
      if (succeeded(result)) {
        this.context.log(`${where}: ${outcome} (attempt ${attempt}/${this.attempts})`)
        return
      }
      if (!shouldRetry(result) || attempt === this.attempts) {
        this.context.log(`${where}: ${outcome} (attempt ${attempt}/${this.attempts}), giving up`)
        return
      }
      const delay = this.baseDelayMs * 2 ** (attempt - 1)
      this.context.log(`${where}: ${outcome} (attempt ${attempt}/${this.attempts}), retrying in ${delay} ms`)
      await this.sleep(delay)
    }
    if (this.closed) this.context.log(`webhook "${hook.config.name}" ${operation} ${documentId}: abandoned, the lake closed`)
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const sleeper = {
        timer: setTimeout(() => {
          this.sleepers.delete(sleeper)
          resolve()
        }, ms),
        wake: resolve,
      }
      this.sleepers.add(sleeper)
    })
  }
}

function operationOf(change: DocumentChange): WebhookOperation {
  if (!change.before) return 'create'
  return change.after ? 'update' : 'delete'
}

async function anyMatches(filter: ExprNode, states: LakeDocument[], options: Parameters<typeof evaluate>[1]): Promise<boolean> {
  for (const state of states) {
    if ((await (await evaluate(filter, { ...options, root: state })).get()) === true) return true
  }
  return false
}
