import 'server-only'

import { createClient, type SanityClient } from 'next-sanity'

import { serverEnv } from '@/lib/env'

let client: SanityClient | null = null

/**
 * The one Content Lake client. Hosted mode talks to Sanity's API and CDN; embedded mode talks to
 * the local lake through the very same HTTP API — only the host differs.
 */
export function sanityClient(): SanityClient {
  if (client) return client
  const env = serverEnv()
  const { source } = env
  client = createClient({
    projectId: source.projectId,
    dataset: source.dataset,
    apiVersion: env.apiVersion,
    perspective: 'published',
    useCdn: source.mode === 'hosted',
    timeout: env.fetchTimeoutMs,
    // The client retries a failed GET five times with growing delays (~6 s of waiting, more with
    // timeouts) by default. A render waits on these requests, and ISR already retries a failed
    // revalidation a few seconds later while serving the last good page, so one quick retry (a
    // transient 502/503 or reset) is enough; sanityFetch also puts one deadline over all attempts.
    maxRetries: 1,
    ...(source.apiHost ? { apiHost: source.apiHost, useProjectHostname: false } : {}),
  })
  return client
}
