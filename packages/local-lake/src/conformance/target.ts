/*
 * Where the conformance suite runs: always against a local lake (started here over the test
 * fixture), and also against a hosted Sanity project when CONFORMANCE_PROJECT_ID,
 * CONFORMANCE_DATASET and CONFORMANCE_TOKEN are set, so the lake's answers can be compared with
 * the real Content Lake's. Every document the suite writes has an id under a fresh prefix and is
 * deleted afterwards; use a scratch dataset and an Editor token.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { startTestLake } from '../test-support/lake.js'

export interface Target {
  name: string
  /** Origin of the API, without the version: http://127.0.0.1:<port> or https://<project>.api.sanity.io */
  origin: string
  projectId: string
  dataset: string
  token: string
  /** A fresh id prefix for this run (documents get ids `${prefix}…`). */
  prefix: string
  stop(): Promise<void>
}

export const API_VERSION = 'v2025-02-19'

export async function localTarget(): Promise<Target> {
  const lake = await startTestLake()
  return {
    name: 'local lake',
    origin: lake.lake.url,
    projectId: 'local',
    dataset: 'production',
    token: 'test-token-0123456789',
    prefix: `conformance-${randomBytes(4).toString('hex')}-`,
    stop: () => lake.stop(),
  }
}

/** The hosted project named by the environment, or a sentence saying what to set. */
export function hostedTarget(env: NodeJS.ProcessEnv = process.env): Target | string {
  const projectId = env.CONFORMANCE_PROJECT_ID?.trim()
  const dataset = env.CONFORMANCE_DATASET?.trim()
  const token = env.CONFORMANCE_TOKEN?.trim()
  if (!projectId || !dataset || !token) {
    return 'skipped against a hosted project: set CONFORMANCE_PROJECT_ID, CONFORMANCE_DATASET (a scratch dataset) and CONFORMANCE_TOKEN (an Editor token) to compare the local lake with Sanity'
  }
  return {
    name: `hosted project ${projectId}/${dataset}`,
    origin: `https://${projectId}.api.sanity.io`,
    projectId,
    dataset,
    token,
    prefix: `conformance-${randomBytes(4).toString('hex')}-`,
    stop: async () => undefined,
  }
}

export interface ApiResponse {
  status: number
  body: Record<string, unknown> & { error?: { type?: string; description?: string; items?: unknown[] } | string }
}

/** A JSON request to the target's API with its token (unless `token: null`). */
export async function api(
  target: Target,
  path: string,
  init: { method?: string; body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const token = init.token === undefined ? target.token : init.token
  const response = await fetch(`${target.origin}/${API_VERSION}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await response.text()
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as ApiResponse['body']) }
}

/** Documents by id, through the doc endpoint (null for each that does not exist). */
export async function getDocuments(target: Target, ids: string[]): Promise<(Record<string, unknown> | null)[]> {
  const { body } = await api(target, `/data/doc/${target.dataset}/${ids.join(',')}`)
  const documents = (body.documents ?? []) as Record<string, unknown>[]
  return ids.map((id) => documents.find((document) => document._id === id) ?? null)
}

export function actions(target: Target, list: unknown[], transactionId?: string): Promise<ApiResponse> {
  return api(target, `/data/actions/${target.dataset}`, { body: { actions: list, ...(transactionId ? { transactionId } : {}) } })
}

export function mutate(target: Target, mutations: unknown[], query = ''): Promise<ApiResponse> {
  return api(target, `/data/mutate/${target.dataset}${query}`, { body: { mutations } })
}

/** Deletes everything the run wrote (drafts too). */
export async function cleanUp(target: Target): Promise<void> {
  await mutate(target, [
    {
      delete: {
        query: '*[_id in path($drafts) || _id in path($published)]',
        params: { drafts: `drafts.${target.prefix}**`, published: `${target.prefix}**` },
      },
    },
  ])
}

export function newTransactionId(): string {
  return `tx-${randomBytes(10).toString('hex')}`
}

/**
 * Defines `body`'s tests once per target: the local lake, and the hosted project when one is
 * configured (otherwise a skipped suite whose title says how to configure it).
 */
export function withTargets(title: string, body: (target: () => Target) => void): void {
  const hosted = hostedTarget()
  for (const kind of ['local', 'hosted'] as const) {
    if (kind === 'hosted' && typeof hosted === 'string') {
      describe.skip(`${title}: ${hosted}`, () => {
        it('needs a hosted project', () => undefined)
      })
      continue
    }
    describe(`${title} (${kind === 'local' ? 'local lake' : 'hosted project'})`, () => {
      let target: Target | undefined
      beforeAll(async () => {
        target = kind === 'local' ? await localTarget() : (hosted as Target)
      })
      afterAll(async () => {
        if (!target) return
        await cleanUp(target)
        await target.stop()
      })
      body(() => {
        if (!target) throw new Error('target not started')
        return target
      })
    })
  }
}
