// The root scripts' one client for a lake's HTTP API (the local lake, or any Content Lake): GROQ
// queries and mutations, with a deadline, and errors that carry the lake's answer.

const API_VERSION = 'v2025-10-01'
const DATASET = 'production'

async function failure(response, what) {
  return new Error(`${what} failed: ${response.status} ${(await response.text()).slice(0, 500)}`)
}

/**
 * A GROQ query's result. Sent as POST with a JSON body, so queries of any length and parameters of
 * any type travel as they are. `perspective` defaults to the API's (published); `token` reads drafts.
 */
export async function lakeQuery(lakeUrl, query, params = {}, { perspective, token, timeoutMs = 30_000 } = {}) {
  const url = new URL(`${lakeUrl}/${API_VERSION}/data/query/${DATASET}`)
  url.searchParams.set('returnQuery', 'false')
  if (perspective) url.searchParams.set('perspective', perspective)
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, params }),
    signal: AbortSignal.timeout(timeoutMs),
  })
  if (!response.ok) throw await failure(response, 'lake query')
  return (await response.json()).result
}

/** A transaction on the mutate endpoint, as the Studio commits one; the lake then sends its webhooks. */
export async function lakeMutate(lakeUrl, token, mutations, { timeoutMs = 60_000 } = {}) {
  const response = await fetch(`${lakeUrl}/${API_VERSION}/data/mutate/${DATASET}?visibility=sync`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ mutations }),
    signal: AbortSignal.timeout(timeoutMs),
  })
  if (!response.ok) throw await failure(response, 'mutation')
  return response.json()
}
