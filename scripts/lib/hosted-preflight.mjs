// Before a hosted build: can the configured Sanity project be reached at all? If not, say so in
// one line (which project, which host, what to check) instead of letting ~190 lines of prerender
// stack traces bury the cause.

const DEFAULT_API_VERSION = '2025-10-01'

/** The query endpoint the site's client calls for this configuration (a trivial query). */
export function hostedQueryUrl({ projectId, dataset = 'production', apiVersion = DEFAULT_API_VERSION }) {
  const version = apiVersion.replace(/^v/u, '')
  return `https://${projectId}.api.sanity.io/v${version}/data/query/${encodeURIComponent(dataset)}?query=1`
}

/** A network error's most telling code: ENOTFOUND, ECONNREFUSED, a timeout… */
function causeOf(error) {
  if (error?.name === 'TimeoutError') return 'no answer in time'
  const cause = error?.cause
  return cause?.code ?? cause?.message ?? error?.message ?? String(error)
}

/**
 * Resolves when the project answers the query endpoint; otherwise rejects with an Error whose
 * message is one line. `url` defaults to the real endpoint (tests point it elsewhere).
 */
export async function checkHostedProject({ projectId, dataset = 'production', apiVersion, url, timeoutMs = 10_000 }) {
  const target = url ?? hostedQueryUrl({ projectId, dataset, apiVersion })
  const host = new URL(target).host
  const fallback = 'or unset SANITY_PROJECT_ID to run on the bundled demo content'
  let response
  try {
    response = await fetch(target, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } })
  } catch (error) {
    throw new Error(
      `Cannot reach Sanity project "${projectId}" at ${host} (${causeOf(error)}): check SANITY_PROJECT_ID and this machine's network and proxy, ${fallback}.`,
    )
  }
  if (response.ok) {
    await response.body?.cancel()
    return
  }
  let message = ''
  try {
    const body = await response.json()
    message = typeof body?.message === 'string' ? body.message : typeof body?.error?.description === 'string' ? body.error.description : ''
  } catch {
    // not JSON: the status says enough
  }
  const said = `${response.status}${message ? `: ${message.replace(/\s+/gu, ' ').slice(0, 160)}` : ''}`
  const check =
    response.status === 404
      ? `check SANITY_PROJECT_ID and SANITY_DATASET ("${dataset}")`
      : response.status === 401 || response.status === 403
        ? "check SANITY_API_READ_TOKEN and the dataset's visibility"
        : "check Sanity's status and SANITY_API_VERSION"
  throw new Error(`Sanity project "${projectId}" at ${host} answered ${said}: ${check}, ${fallback}.`)
}
