import { readFileSync } from 'node:fs'

import { createClient, type SanityClient } from '@sanity/client'

import { DEFAULT_SESSION_FILE } from './paths.js'

export interface ContentTarget {
  client: SanityClient
  hosted: boolean
  /** Where requests go, for messages. */
  where: string
}

const API_VERSION = '2025-10-01'

interface LakeSession {
  url?: unknown
  token?: unknown
}

/** The lake `npm start` started, if any: used only for what the environment leaves unset. */
function readSession(file: string): { url: string | null; token: string | null } {
  try {
    const session = JSON.parse(readFileSync(file, 'utf8')) as LakeSession
    return {
      url: typeof session.url === 'string' ? session.url : null,
      token: typeof session.token === 'string' ? session.token : null,
    }
  } catch {
    return { url: null, token: null }
  }
}

/** The hosted Content Lake when SANITY_PROJECT_ID is set, otherwise the local lake. */
export function contentTarget(env: NodeJS.ProcessEnv, sessionFile = DEFAULT_SESSION_FILE): ContentTarget {
  const dataset = env.SANITY_DATASET?.trim() || 'production'
  const projectId = env.SANITY_PROJECT_ID?.trim()
  if (projectId) {
    return {
      hosted: true,
      where: `Sanity project ${projectId}, dataset ${dataset}`,
      client: createClient({
        projectId,
        dataset,
        token: env.SANITY_API_WRITE_TOKEN?.trim() || undefined,
        apiVersion: API_VERSION,
        useCdn: false,
      }),
    }
  }
  const configured = env.LOCAL_LAKE_URL?.trim() || env.LOCAL_LAKE_PORT?.trim()
  const session = readSession(sessionFile)
  const url = (
    env.LOCAL_LAKE_URL?.trim() ||
    (configured ? `http://127.0.0.1:${env.LOCAL_LAKE_PORT?.trim()}` : (session.url ?? 'http://127.0.0.1:3030'))
  ).replace(/\/+$/, '')
  return {
    hosted: false,
    where: `the local lake at ${url}`,
    client: createClient({
      apiHost: url,
      useProjectHostname: false,
      projectId: env.LOCAL_LAKE_PROJECT_ID?.trim() || 'local',
      dataset,
      token: env.LOCAL_LAKE_TOKEN?.trim() || (session.url === url ? session.token : null) || undefined,
      apiVersion: API_VERSION,
      useCdn: false,
      // A refused connection to a local process won't heal in the client's retry window.
      maxRetries: 0,
    }),
  }
}

function errorCodes(error: unknown, seen = new Set<unknown>()): string[] {
  if (typeof error !== 'object' || error === null || seen.has(error)) return []
  seen.add(error)
  const record = error as { code?: unknown; cause?: unknown; errors?: unknown }
  const codes = typeof record.code === 'string' ? [record.code] : []
  const nested = Array.isArray(record.errors) ? record.errors : []
  return [...codes, ...errorCodes(record.cause, seen), ...nested.flatMap((item) => errorCodes(item, seen))]
}

/** A one-line explanation of a failed request, with the fix when there is an obvious one. */
export function explainError(error: unknown, target: ContentTarget): string {
  const codes = errorCodes(error)
  if (codes.some((code) => ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET'].includes(code))) {
    return target.hosted
      ? `cannot reach ${target.where} (${codes.join(', ')})`
      : `cannot reach ${target.where}; start it with npm run lake (or set LOCAL_LAKE_URL)`
  }
  const status = (error as { statusCode?: unknown }).statusCode
  const message = error instanceof Error ? error.message : String(error)
  if (status === 401 || status === 403) {
    return target.hosted
      ? `${target.where} refused the request: ${message}. Set SANITY_API_WRITE_TOKEN to a token with write access.`
      : `${target.where} refused the request: ${message}. Set LOCAL_LAKE_TOKEN to the token the lake was started with.`
  }
  return message
}
