import 'server-only'

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

export class ContentSourceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ContentSourceError'
  }
}

/**
 * The single way the site reads content. Published reads are cached by Next with tags and a
 * time-based safety net; draft reads use the server-only token and bypass every cache.
 */
export async function sanityFetch({ query, params = {}, tags, draft = true }: FetchOptions): Promise<unknown> {
  const client = sanityClient()
  const preview = draft && (await draftMode()).isEnabled
  try {
    if (preview) {
      const token = readToken()
      if (!token) throw new ContentSourceError('Draft mode is on but no read token is configured')
      return await client.withConfig({ token, useCdn: false, perspective: 'drafts' }).fetch(query, params, {
        cache: 'no-store',
      })
    }
    return await client.fetch(query, params, {
      perspective: 'published',
      next: { revalidate: serverEnv().revalidateSeconds, tags },
    })
  } catch (error) {
    if (error instanceof ContentSourceError) throw error
    // Thrown so Next keeps serving the last good page instead of caching an error page.
    const message = error instanceof Error ? error.message : String(error)
    console.error(`[content] query failed (${tags.join(', ')}): ${message}`)
    throw new ContentSourceError(`Content Lake request failed: ${message}`, { cause: error })
  }
}
