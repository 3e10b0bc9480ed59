import 'server-only'

import type { StegaConfig } from '@sanity/client'

import { readToken, serverEnv } from '@/lib/env'
import { sanityClient } from './client'

export type QueryParams = Record<string, string | number | boolean | null | string[]>

export interface FetchOptions {
  query: string
  params?: QueryParams
  /** cache tags the revalidation webhook expires */
  tags: string[]
  /**
   * `drafts`: the drafts perspective, with the server-only token, never cached (the loader asks
   * for it only in draft mode); `published` (the default): cached with `tags`.
   */
  perspective?: 'drafts' | 'published'
  /**
   * A moment after which the result is out of date although nothing was published (a scheduled
   * post goes live): the cached result, and so the response built from it, is stale from then on.
   * For responses that cannot name their moments to the cache themselves (the sitemap).
   */
  staleAt?: Date | null
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

/**
 * The last result each published query returned, by query and parameters, within a byte budget
 * (least recently used first out). When the content source fails, a render uses it instead of
 * failing: the page is rendered again from content it already showed, so what depends on the time
 * of the render (an offer that has ended) is decided anew even while the source is down. A query
 * this process never ran successfully still fails.
 */
class LastGoodResults {
  private readonly entries = new Map<string, { value: unknown; bytes: number }>()
  private bytes = 0

  constructor(private readonly budget: number) {}

  remember(key: string, value: unknown): void {
    const bytes = key.length + (JSON.stringify(value)?.length ?? 0)
    if (bytes > this.budget) return
    this.forget(key)
    this.entries.set(key, { value, bytes })
    this.bytes += bytes
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.budget) break
      this.entries.delete(oldest)
      this.bytes -= entry.bytes
    }
  }

  recall(key: string): { value: unknown } | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    // Most recently used last.
    this.entries.delete(key)
    this.entries.set(key, entry)
    return { value: entry.value }
  }

  private forget(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.bytes -= entry.bytes
  }
}

const lastGood = new LastGoodResults(32 * 1024 * 1024)

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
/** The fetch cache's lifetime: the safety net, cut at `staleAt`, in whole seconds (at least 1). */
export function cacheSeconds(staleAt: Date | null | undefined, now = Date.now()): number {
  const safetyNet = serverEnv().revalidateSeconds
  if (!staleAt) return safetyNet
  return Math.max(1, Math.min(safetyNet, Math.ceil((staleAt.getTime() - now) / 1000)))
}

export async function sanityFetch({ query, params = {}, tags, perspective = 'published', staleAt }: FetchOptions): Promise<unknown> {
  const client = sanityClient()
  const preview = perspective === 'drafts'
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
    const result: unknown = await client.fetch(query, params, {
      perspective: 'published',
      next: { revalidate: cacheSeconds(staleAt), tags },
      signal,
    })
    lastGood.remember(JSON.stringify([query, params]), result)
    return result
  } catch (error) {
    if (error instanceof ContentSourceError) throw error
    const message = signal.aborted ? `no answer within ${timeoutMs} ms` : describeFailure(error)
    console.error(`[content] query failed (${tags.join(', ')}): ${message}`)
    const known = preview ? undefined : lastGood.recall(JSON.stringify([query, params]))
    if (known) {
      console.error(`[content] rendering from the last good result (${tags.join(', ')}) while the source fails`)
      return known.value
    }
    // Thrown so Next keeps serving the last good page instead of caching an error page.
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
