// Small statistics, HTTP load and the machine's description, shared by the benchmark scripts.
import os from 'node:os'

import autocannon from 'autocannon'

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

export function machine() {
  const cpus = os.cpus()
  return `${cpus.length} cores, ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`
}

/** The 1-minute load average as a fraction of the cores: how busy the machine was. */
export function load() {
  return `load average ${os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ')} (1/5/15 min) on ${os.cpus().length} cores`
}

/**
 * autocannon against `url` for `seconds` with `connections`; each connection walks `paths` (all of
 * them under load all the time) or requests `url` itself. Resolves with autocannon's result plus
 * `statuses`, the count of responses by status code.
 */
export function loadTest({ url, paths, connections, seconds, headers = {} }) {
  const statuses = new Map()
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 10,
        ...(paths ? { requests: paths.map((path) => ({ method: 'GET', path, headers })) } : { headers }),
      },
      (error, result) => (error ? reject(error) : resolve({ ...result, statuses })),
    )
    instance.on('response', (_client, statusCode) => statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1))
  })
}

/** Requests per second and latency of one URL under load; any error or non-2xx answer fails the run. */
export async function measureRate({ url, connections, seconds, headers = {} }) {
  const result = await loadTest({ url, connections, seconds, headers })
  if (result.errors || result.non2xx) throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx responses`)
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 }
}
