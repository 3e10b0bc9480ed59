import { createClient, type SanityClient } from '@sanity/client'
import { defer, from, map, retry, shareReplay, timer } from 'rxjs'
import type { AuthStore, CurrentUser } from 'sanity'

import { ListenPool, spreadListens } from './listen-pool'

/** What the local lake gives a Studio on one of its allowed origins (GET /local-lake/session). */
interface LakeSession {
  token: string | null
  user: CurrentUser
  /** The lake's main URL first, then its extra ports for event streams. */
  origins: string[]
}

function isSession(value: unknown): value is LakeSession {
  if (typeof value !== 'object' || value === null) return false
  const session = value as Record<string, unknown>
  return (
    (typeof session.token === 'string' || session.token === null) &&
    typeof session.user === 'object' &&
    session.user !== null &&
    Array.isArray(session.origins) &&
    session.origins.every((origin) => typeof origin === 'string')
  )
}

/** What the server that serves this Studio says about the local setup (studio-server.mjs). */
interface StudioServerConfig {
  /** The local lake's URL. */
  url: string
  /** The site the Presentation tool previews. */
  previewUrl?: string
}

let serverConfig: Promise<StudioServerConfig | null> | undefined

/**
 * /local-lake.json, read once: npm start, npm run dev and the tests start the lake and the site on
 * whatever ports are free, and the Studio's server says where. Null when this Studio is served by
 * something else (then the configured addresses apply).
 */
export function studioServerConfig(): Promise<StudioServerConfig | null> {
  serverConfig ??= fetch('/local-lake.json', { cache: 'no-store' })
    .then(async (response) => {
      const config: unknown = response.ok ? await response.json() : null
      if (typeof config !== 'object' || config === null || typeof (config as { url?: unknown }).url !== 'string') return null
      const { url, previewUrl } = config as { url: string; previewUrl?: unknown }
      return { url, ...(typeof previewUrl === 'string' ? { previewUrl } : {}) }
    })
    .catch(() => null)
  return serverConfig
}

async function findLake(fallback: string): Promise<string> {
  return (await studioServerConfig())?.url ?? fallback
}

async function fetchSession(lakeUrl: string): Promise<LakeSession> {
  const response = await fetch(new URL('/local-lake/session', lakeUrl), { credentials: 'omit', cache: 'no-store' })
  if (!response.ok) {
    throw new Error(
      `The local lake at ${lakeUrl} refused this Studio's origin (${response.status}): start the Studio with npm start or npm run dev`,
    )
  }
  const session: unknown = await response.json()
  if (!isSession(session)) throw new Error(`The local lake at ${lakeUrl} sent a session this Studio does not understand`)
  return session
}

/**
 * Signs the Studio in to the local lake as its one editor, with no login screen: the lake hands
 * its token to the Studio origins it was started with (the browser's CORS check enforces that),
 * and the Studio's client is pointed at the lake with `useProjectHostname: false`, since the
 * lake answers on a bare host and port rather than `<projectId>.api.sanity.io`. Until the lake
 * answers (it may still be starting), the Studio shows its loading screen and tries again.
 */
export function localLakeAuthStore(options: { projectId: string; dataset: string; lakeUrl: string }): AuthStore {
  const session$ = defer(() => from(findLake(options.lakeUrl).then(fetchSession))).pipe(
    retry({ delay: (_error, attempt) => timer(Math.min(500 * attempt, 5000)) }),
    shareReplay({ bufferSize: 1, refCount: false }),
  )
  return {
    state: session$.pipe(
      map((session) => {
        const client: SanityClient = createClient({
          projectId: options.projectId,
          dataset: options.dataset,
          apiHost: session.origins[0] ?? options.lakeUrl,
          useProjectHostname: false,
          // What the Studio's own auth store gives its client (sanity: AUTH_CLIENT_OPTIONS).
          apiVersion: '2025-02-19',
          useCdn: false,
          perspective: 'raw',
          requestTagPrefix: 'sanity.studio',
          allowReconfigure: false,
          ignoreBrowserTokenWarning: true,
          ...(session.token ? { token: session.token } : {}),
        })
        return {
          authenticated: true,
          currentUser: session.user,
          client: spreadListens(client, new ListenPool(session.origins.slice(1))),
        }
      }),
    ),
    token: session$.pipe(map((session) => session.token)),
  }
}
