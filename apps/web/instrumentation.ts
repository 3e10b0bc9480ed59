/**
 * Runs once when the server starts: configuration is validated here so a bad value stops
 * start-up with a message naming the variable, instead of failing on the first request; outgoing
 * requests get a deadline; redirects keep a single Location header (lib/redirect-headers.ts); and
 * the cache handler gets the security headers that configuration calls for.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { serverEnv } = await import('./lib/env')
  const { CACHED_RESPONSE_HEADERS, cachedResponseHeaders, securityContext } = await import('./lib/security-headers')
  const env = serverEnv()
  await boundOutgoingRequests()
  const { keepOneLocationHeader } = await import('./lib/redirect-headers')
  keepOneLocationHeader()
  // For cache-handler.mjs, which adds them to every cached response (see lib/security-headers.ts).
  Object.assign(globalThis, { [CACHED_RESPONSE_HEADERS]: cachedResponseHeaders(securityContext(env)) })
  const where = env.source.mode === 'hosted' ? `Sanity project ${env.source.projectId}` : `local lake at ${env.source.apiHost}`
  console.log(`[journal] content source: ${where}, dataset ${env.source.dataset}`)
}

/**
 * A deadline for every request the server makes, on the connection itself. sanityFetch aborts a
 * request that outlives the fetch timeout, but when Next refreshes a stale cached fetch in the
 * background it drops the request's signal (next/dist/server/lib/patch-fetch.js: "don't pass
 * through signal when revalidating"). Against a source that accepts connections and never answers,
 * each of those refreshes held its socket until Node's default of 300 s ran out (12 were open in
 * scripts/outage.mjs). Node's fetch is undici, and undici's global dispatcher is where its header
 * and body timeouts are set: with them at the fetch timeout, such a socket is closed then too.
 */
async function boundOutgoingRequests() {
  const { Agent, setGlobalDispatcher } = await import('undici')
  const { fetchTimeoutMs } = await import('./lib/sanity/fetch')
  const timeoutMs = fetchTimeoutMs()
  setGlobalDispatcher(new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs }))
}
