/**
 * All configuration, read and validated in one place. Start-up (instrumentation.ts) calls
 * `serverEnv()` so a bad value stops the server with a message naming the variable; optional
 * features (webhooks, preview) check their own variables when first used.
 */

export type ContentSource =
  | { mode: 'hosted'; projectId: string; dataset: string; apiHost: null; imageBaseUrl: string }
  | { mode: 'embedded'; projectId: string; dataset: string; apiHost: string; imageBaseUrl: string }

export interface ServerEnv {
  source: ContentSource
  apiVersion: string
  /** canonical origin for links, sitemaps and metadata; never taken from the request */
  siteUrl: string | null
  /** how long a page may be served before a background re-check, in seconds (the safety net) */
  revalidateSeconds: number
  /** fetch timeout towards the Content Lake, in milliseconds */
  fetchTimeoutMs: number
  studioUrl: string | null
  /** origins of other Studios that may frame draft-mode pages (e.g. a local one beside the deployed one) */
  otherStudioOrigins: string[]
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

function read(env: Env, name: string): string | null {
  const value = env[name]?.trim()
  return value ? value : null
}

function readUrl(env: Env, name: string, fallback: string | null = null): string | null {
  const value = read(env, name) ?? fallback
  if (value === null) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(name, `must be an absolute http(s) URL, got "${value}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(name, `must be an http(s) URL, got "${value}"`)
  }
  return url.origin + url.pathname.replace(/\/+$/u, '')
}

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = read(env, name)
  if (value === null) return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${value}"`)
  }
  return parsed
}

const PROJECT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/u
const DATASET = /^[a-z0-9][a-z0-9_-]{0,63}$/u
const API_VERSION = /^(v?\d{4}-\d{2}-\d{2}|1|X)$/u

/** The embedded lake's stand-in project id; image URLs carry it like Sanity's CDN carries yours. */
export const EMBEDDED_PROJECT_ID = 'local'

export function parseServerEnv(env: Env): ServerEnv {
  const dataset = read(env, 'SANITY_DATASET') ?? 'production'
  if (!DATASET.test(dataset)) throw new ConfigError('SANITY_DATASET', `is not a valid dataset name: "${dataset}"`)
  const apiVersion = read(env, 'SANITY_API_VERSION') ?? '2025-10-01'
  if (!API_VERSION.test(apiVersion)) throw new ConfigError('SANITY_API_VERSION', `must look like 2025-10-01, got "${apiVersion}"`)

  const projectId = read(env, 'SANITY_PROJECT_ID')
  let source: ContentSource
  if (projectId) {
    if (!PROJECT_ID.test(projectId)) throw new ConfigError('SANITY_PROJECT_ID', `is not a valid project id: "${projectId}"`)
    source = { mode: 'hosted', projectId, dataset, apiHost: null, imageBaseUrl: 'https://cdn.sanity.io' }
  } else {
    const port = readInt(env, 'LOCAL_LAKE_PORT', 3030, 1, 65535)
    const apiHost = readUrl(env, 'LOCAL_LAKE_URL', `http://127.0.0.1:${port}`) ?? `http://127.0.0.1:${port}`
    const imageBaseUrl = readUrl(env, 'LOCAL_LAKE_PUBLIC_URL') ?? apiHost
    source = { mode: 'embedded', projectId: EMBEDDED_PROJECT_ID, dataset, apiHost, imageBaseUrl }
  }

  return {
    source,
    apiVersion,
    siteUrl: readUrl(env, 'SITE_URL'),
    revalidateSeconds: readInt(env, 'REVALIDATE_SECONDS', 3600, 1, 31_536_000),
    fetchTimeoutMs: readInt(env, 'SANITY_FETCH_TIMEOUT_MS', 10_000, 100, 120_000),
    studioUrl: readUrl(env, 'SANITY_STUDIO_URL'),
    otherStudioOrigins: readOrigins(env, 'SANITY_STUDIO_ORIGINS'),
  }
}

/** A comma-separated list of http(s) origins. */
function readOrigins(env: Env, name: string): string[] {
  return (read(env, name) ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const url = readUrl({ [name]: entry }, name)
      return url === null ? '' : new URL(url).origin
    })
}

let cached: ServerEnv | null = null

export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env)
  return cached
}

/**
 * The token that can read drafts: the Sanity read token in hosted mode, the lake's token in
 * embedded mode. Server-only, and only ever used for draft-mode requests.
 */
export function readToken(): string | null {
  const env = process.env
  return serverEnv().source.mode === 'hosted' ? read(env, 'SANITY_API_READ_TOKEN') : read(env, 'LOCAL_LAKE_TOKEN')
}

/** Lazily checked: only the revalidation route needs it, and it fails closed without it. */
export function revalidateSecret(): string | null {
  return read(process.env, 'SANITY_REVALIDATE_SECRET')
}

/** Lazily checked: only the draft-mode route needs it, and it fails closed without it. */
export function previewSecret(): string | null {
  return read(process.env, 'SANITY_PREVIEW_SECRET')
}
