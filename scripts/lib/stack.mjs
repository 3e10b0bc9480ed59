// Starting the pieces of the site the way a user runs them: the local lake, then Next.
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { ROOT, run, startService, waitForHttp } from './processes.mjs'

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

export function lakeEnv({ port, datasetDir }) {
  return {
    LOCAL_LAKE_PORT: String(port),
    LOCAL_LAKE_URL: `http://127.0.0.1:${port}`,
    ...(datasetDir ? { LOCAL_LAKE_DATASET: datasetDir } : {}),
  }
}

/** Builds the lake (it is compiled TypeScript) — cheap, and cached by Turborepo. */
export async function buildLake() {
  await run(npx, ['turbo', 'run', 'build', '--filter=@journal/local-lake', '--output-logs=errors-only'], {
    label: 'local lake build',
  })
}

export async function startLake({ port, env = {}, quiet = false }) {
  const service = startService('lake', process.execPath, [path.join(ROOT, 'packages/local-lake/dist/cli.js'), 'serve'], {
    env: { ...env, LOCAL_LAKE_PORT: String(port) },
    quiet,
  })
  await waitForHttp(`http://127.0.0.1:${port}/v1/ping`, { child: service.child, timeoutMs: 20_000 })
  return service
}

export async function startSite({ port, env = {}, quiet = false, host = '127.0.0.1' }) {
  const nextBin = path.join(ROOT, 'node_modules/next/dist/bin/next')
  const service = startService('web', process.execPath, [nextBin, 'start', '-p', String(port), '-H', host], {
    cwd: path.join(ROOT, 'apps/web'),
    env,
    quiet,
  })
  await waitForHttp(`http://127.0.0.1:${port}/blog`, { child: service.child, timeoutMs: 60_000 })
  return service
}

/** The site's revalidation webhook, as the local lake should send it (same definition as Sanity's). */
export function revalidateWebhook(siteUrl, secret) {
  const definition = JSON.parse(readFileSync(path.join(ROOT, 'packages/content/src/revalidate-webhook.json'), 'utf8'))
  return {
    name: definition.name,
    url: new URL(definition.path, siteUrl).toString(),
    filter: definition.filter,
    projection: definition.projection,
    secret,
  }
}
