import 'server-only'

import { createClient, type SanityClient } from 'next-sanity'

import { serverEnv } from '../env'

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
    ...(source.apiHost ? { apiHost: source.apiHost, useProjectHostname: false } : {}),
  })
  return client
}
