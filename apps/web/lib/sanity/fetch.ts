import 'server-only'

import type { StegaConfig } from '@sanity/client'
import { draftMode } from 'next/headers'

import { readToken, serverEnv } from '../env'
import { sanityClient } from './client'

export type QueryParams = Record<string, string | number | boolean | null | string[]>

export interface FetchOptions {
  query: string
  params?: QueryParams
  /** cache tags the revalidation webhook expires */
  tags: string[]
  /**
   * Whether this fetch may show drafts when draft mode is on. Build-time and non-request callers
   * (generateStaticParams, sitemap, feed) pass false: they have no request and never show drafts.
   */
  draft?: boolean
}

/**
 * Visual-editing overlays (hosted mode, draft mode only) need stega-encoded strings. Only prose
 * fields are encoded: codes, URLs and slugs must stay byte-exact because they are validated and
 * linked.
 */
const STEGA_FIELDS = new Set(['title', 'excerpt', 'headline', 'body', 'text', 'name', 'caption', 'description', 'socialPrompt'])

function stegaConfig(): StegaConfig {
  const { source, ...env } = serverEnv()
  if (source.mode !== 'hosted' || !env.studioUrl) return { enabled: false }
  return {
    enabled: true,
    studioUrl: env.studioUrl,
    filter: (props) => STEGA_FIELDS.has(String(props.sourcePath.at(-1))) && props.filterDefault(props),
  }
}

export class ContentSourceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ContentSourceError'
  }
}

/** During `next build` nobody waits on a page, and Next itself gives each page 60 s to render. */
const BUILD_FETCH_TIMEOUT_MS = 60_000

/** How long a request to the Content Lake may take: the configured timeout, longer during a build. */
export function fetchTimeoutMs(): number {
  const configured = serverEnv().fetchTimeoutMs
  return process.env.NEXT_PHASE === 'phase-production-build' ? Math.max(configured, BUILD_FETCH_TIMEOUT_MS) : configured
}

/**
 * The single way the site reads content. Published reads are cached by Next with tags and a
 * time-based safety net; draft reads use the server-only token and bypass every cache.
 */
export async function sanityFetch({ query, params = {}, tags, draft = true }: FetchOptions): Promise<unknown> {
  const client = sanityClient()
  const preview = draft && (await draftMode()).isEnabled
  // One deadline for the request and its retry. The client's own `timeout` only applies to its
  // Node http transport; with Next's cache options it goes through fetch, where nothing else
  // would abort a source that accepts the connection and never answers.
  const timeoutMs = fetchTimeoutMs()
  const signal = AbortSignal.timeout(timeoutMs)
  try {
    if (preview) {
      const token = readToken()
      if (!token) throw new ContentSourceError('Draft mode is on but no read token is configured')
      return await client
        .withConfig({ token, useCdn: false, perspective: 'drafts', stega: stegaConfig() })
        .fetch(query, params, { cache: 'no-store', signal })
    }
    return await client.fetch(query, params, {
      perspective: 'published',
      next: { revalidate: serverEnv().revalidateSeconds, tags },
      signal,
    })
  } catch (error) {
    if (error instanceof ContentSourceError) throw error
    // Thrown so Next keeps serving the last good page instead of caching an error page.
    const message = signal.aborted ? `no answer within ${timeoutMs} ms` : describeFailure(error)
    console.error(`[content] query failed (${tags.join(', ')}): ${message}`)
    throw new ContentSourceError(`Content Lake request failed: ${message}`, { cause: error })
  }
}

/** What went wrong, in words an operator can act on: the status, or why the connection failed. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const status = (error as { statusCode?: unknown }).statusCode
  if (typeof status === 'number') return `HTTP ${status}: ${error.message}`
  const code = (error.cause as { code?: unknown } | undefined)?.code
  return typeof code === 'string' ? `${error.message} (${code})` : error.message
}
