import { parse, type ExprNode } from 'groq-js'
import type { WebhookConfig, WebhookOperation } from '../types.js'

const OPERATIONS: WebhookOperation[] = ['create', 'update', 'delete']
const METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'GET'])

export interface CompiledWebhook {
  config: WebhookConfig
  url: URL
  on: Set<WebhookOperation>
  method: string
  filter: ExprNode | undefined
  projection: ExprNode | undefined
}

/** Checks one webhook configuration and parses its GROQ; the error names the webhook. */
export function compileWebhook(config: unknown, index: number): CompiledWebhook {
  const label = `webhook ${index + 1}`
  if (typeof config !== 'object' || config === null) throw new Error(`${label}: expected an object`)
  const hook = config as Partial<WebhookConfig>
  const name = typeof hook.name === 'string' && hook.name !== '' ? hook.name : undefined
  if (!name) throw new Error(`${label}: "name" is required`)
  const fail = (problem: string): Error => new Error(`webhook "${name}": ${problem}`)
  let url: URL
  try {
    url = new URL(String(hook.url))
  } catch {
    throw fail(`"url" is not a valid URL (${JSON.stringify(hook.url)})`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw fail('"url" must be http or https')
  const on = hook.on ?? OPERATIONS
  if (!Array.isArray(on) || on.some((operation) => !OPERATIONS.includes(operation))) {
    throw fail(`"on" must list some of ${OPERATIONS.join(', ')}`)
  }
  const method = (hook.httpMethod ?? 'POST').toUpperCase()
  if (!METHODS.has(method)) throw fail(`"httpMethod" must be one of ${[...METHODS].join(', ')}`)
  if (
    hook.headers !== undefined &&
    (typeof hook.headers !== 'object' || hook.headers === null || Object.values(hook.headers).some((value) => typeof value !== 'string'))
  ) {
    throw fail('"headers" must map header names to strings')
  }
  if (hook.secret !== undefined && typeof hook.secret !== 'string') throw fail('"secret" must be a string')
  return {
    config: { ...hook, name, url: url.toString() } as WebhookConfig,
    url,
    on: new Set(on),
    method,
    filter: parseDelta(hook.filter, 'filter', fail),
    projection: parseDelta(hook.projection, 'projection', fail),
  }
}

function parseDelta(source: unknown, field: string, fail: (problem: string) => Error): ExprNode | undefined {
  if (source === undefined || source === null || (typeof source === 'string' && source.trim() === '')) return undefined
  if (typeof source !== 'string') throw fail(`"${field}" must be a GROQ string`)
  try {
    // Delta mode enables before(), after() and the delta:: functions, as in Sanity's webhooks.
    return parse(source, { mode: 'delta' })
  } catch (error) {
    throw fail(`invalid GROQ in "${field}": ${error instanceof Error ? error.message : String(error)}`)
  }
}
