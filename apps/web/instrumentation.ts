/**
 * Runs once when the server starts: configuration is validated here so a bad value stops
 * start-up with a message naming the variable, instead of failing on the first request; and the
 * cache handler gets the security headers that configuration calls for.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { serverEnv } = await import('./lib/env')
  const { CACHED_RESPONSE_HEADERS, cachedResponseHeaders, securityContext } = await import('./lib/security-headers')
  const env = serverEnv()
  // For cache-handler.mjs, which adds them to every cached response (see lib/security-headers.ts).
  Object.assign(globalThis, { [CACHED_RESPONSE_HEADERS]: cachedResponseHeaders(securityContext(env)) })
  const where = env.source.mode === 'hosted' ? `Sanity project ${env.source.projectId}` : `local lake at ${env.source.apiHost}`
  console.log(`[journal] content source: ${where}, dataset ${env.source.dataset}`)
}
