// Starting the pieces of the site the way a user runs them: the local lake, then Next.
import { randomBytes } from 'node:crypto'
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import REVALIDATE_WEBHOOK from '@journal/content/revalidate-webhook.json' with { type: 'json' }

import { buildSite } from './build-site.mjs'
import { freePort, freePortRange, ROOT, run, startService, waitForHttp } from './processes.mjs'
import { startStudioServer } from './studio-server.mjs'

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

/**
 * Starts the lake CLI as a child process on `port` (@journal/local-lake's startLake is the server
 * it runs, for tests that want it in process). With `studio`, it also listens on the eight ports
 * after it, over which a Studio spreads its event streams (LakeOptions.listenPorts); without, on
 * that port alone.
 */
export async function spawnLake({ port, env = {}, quiet = false, studio = false }) {
  const service = startService('lake', process.execPath, [path.join(ROOT, 'packages/local-lake/dist/cli.js'), 'serve'], {
    env: { ...env, LOCAL_LAKE_PORT: String(port), LOCAL_LAKE_LISTEN_PORTS: studio ? '8' : '0' },
    quiet,
  })
  await waitForHttp(`http://127.0.0.1:${port}/v1/ping`, { child: service.child, timeoutMs: 20_000 })
  return service
}

export async function startSite({ port, env = {}, quiet = false, host = '127.0.0.1', name = 'web' }) {
  const nextBin = path.join(ROOT, 'node_modules/next/dist/bin/next')
  const service = startService(name, process.execPath, [nextBin, 'start', '-p', String(port), '-H', host], {
    cwd: path.join(ROOT, 'apps/web'),
    env,
    quiet,
  })
  await waitForHttp(`http://127.0.0.1:${port}/blog`, { child: service.child, timeoutMs: 60_000 })
  return service
}

/**
 * The lake CLI on `port` as a service a test can stop (the content source gone) and start again
 * on the same port.
 */
export function restartableLake({ port, env, quiet = true, studio = false }) {
  let service = null
  return {
    port,
    start: async () => {
      service ??= await spawnLake({ port, env, quiet, studio })
    },
    stop: async () => {
      await service?.stop()
      service = null
    },
  }
}

/** The site's revalidation webhook, as the local lake should send it (same definition as Sanity's). */
export function revalidateWebhook(siteUrl, secret) {
  const definition = REVALIDATE_WEBHOOK
  return {
    name: definition.name,
    url: new URL(definition.path, siteUrl).toString(),
    filter: definition.filter,
    projection: definition.projection,
    secret,
  }
}

/**
 * A whole production stack on free loopback ports, for tests and benchmarks: a copy of a dataset
 * folder served by a local lake with fresh random secrets and the revalidation webhook, the site
 * built against it and served by `next start`. `env` adds variables for the build and both
 * processes (e.g. REVALIDATE_SECONDS). Resolves with what a test needs, and stop(), which stops
 * everything and removes the copy (also done here when starting fails):
 * - `lake`: stop() and start() the lake on the same port, so outage tests can take the content
 *   source away (and put something else on its port) while the site keeps running;
 * - `siteOutput()`, the site's recent log lines; `sitePid`, the `next start` process.
 */
export async function startStack({
  datasetDir = path.join(ROOT, 'studio/seed'),
  quiet = true,
  build = true,
  studio = false,
  env: extraEnv = {},
}) {
  // With a Studio, the lake also takes the eight ports after its own (see spawnLake).
  const lakePort = studio ? await freePortRange(9) : await freePort()
  const [sitePort, studioPort] = [await freePort(), await freePort()]
  const work = mkdtempSync(path.join(tmpdir(), 'journal-stack-'))
  const { siteUrl, dataset, env: stackEnv } = prepareStack({ work, datasetDir, lakePort, sitePort })
  const studioUrl = `http://127.0.0.1:${studioPort}`
  const env = {
    ...stackEnv,
    ...(studio ? { LOCAL_LAKE_STUDIO_ORIGINS: studioOrigins(studioPort).join(','), SANITY_STUDIO_URL: studioUrl } : {}),
    ...extraEnv,
  }
  let site = null
  let studioServer = null
  const lake = restartableLake({ port: lakePort, env, quiet, studio })
  const stop = async () => {
    await studioServer?.close()
    await site?.stop()
    await lake.stop()
    rmSync(work, { recursive: true, force: true })
  }
  try {
    if (build) await buildSite({ filters: ['@journal/web...', ...(studio ? ['@journal/studio'] : [])], lakePort, env })
    await lake.start()
    site = await startSite({ port: sitePort, env, quiet })
    if (studio)
      studioServer = await startStudioServer({ port: studioPort, config: { url: `http://127.0.0.1:${lakePort}`, previewUrl: siteUrl } })
  } catch (error) {
    await stop()
    throw error
  }
  return {
    siteUrl,
    lakeUrl: `http://127.0.0.1:${lakePort}`,
    ...(studio ? { studioUrl } : {}),
    env,
    datasetDir: dataset,
    lake,
    siteOutput: () => site?.output() ?? '',
    sitePid: site.child.pid,
    stop,
  }
}

/** startStack for the length of `use(stack)`, stopped afterwards whatever happens. */
export async function withStack(options, use) {
  const stack = await startStack(options)
  try {
    return await use(stack)
  } finally {
    await stack.stop()
  }
}

/**
 * The environment `sanity build` needs: in hosted mode the Studio's project is the site's, unless
 * SANITY_STUDIO_* say otherwise. In embedded mode nothing about the lake is built in (the Studio
 * asks its server, see studio-server.mjs), so one build serves every port.
 */
export function studioBuildEnv() {
  const projectId = process.env.SANITY_STUDIO_PROJECT_ID || process.env.SANITY_PROJECT_ID
  const dataset = process.env.SANITY_STUDIO_DATASET || process.env.SANITY_DATASET
  return {
    ...(projectId ? { SANITY_STUDIO_PROJECT_ID: projectId } : {}),
    ...(dataset ? { SANITY_STUDIO_DATASET: dataset } : {}),
  }
}

/** Browser origins a Studio on `port` is opened at: the lake gives those its token (CORS). */
export function studioOrigins(port) {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`]
}

/**
 * For `npm start` and `npm run dev` in embedded mode: the secrets the user did not set are made up
 * for this run, the lake is told to send the revalidation webhook to the site, and the lake's URL
 * and token are written to .journal/session.json (git-ignored, owner-only) so `npm run content`
 * in another terminal can publish without copying them.
 */
export function localSession({ siteUrl, lakePort, studioPort }) {
  const pick = (name) => process.env[name]?.trim() || randomBytes(24).toString('hex')
  const secrets = {
    LOCAL_LAKE_TOKEN: pick('LOCAL_LAKE_TOKEN'),
    SANITY_REVALIDATE_SECRET: pick('SANITY_REVALIDATE_SECRET'),
    SANITY_PREVIEW_SECRET: pick('SANITY_PREVIEW_SECRET'),
  }
  const dir = path.join(ROOT, '.journal')
  mkdirSync(dir, { recursive: true })
  const webhooksFile = path.join(dir, 'webhooks.json')
  const webhooks = process.env.LOCAL_LAKE_WEBHOOKS?.trim() || webhooksFile
  if (webhooks === webhooksFile) {
    writeFileSync(webhooksFile, JSON.stringify([revalidateWebhook(siteUrl, secrets.SANITY_REVALIDATE_SECRET)], null, 2))
    chmodSync(webhooksFile, 0o600)
  }
  const lakeUrl = `http://127.0.0.1:${lakePort}`
  const sessionFile = path.join(dir, 'session.json')
  writeFileSync(sessionFile, JSON.stringify({ url: lakeUrl, token: secrets.LOCAL_LAKE_TOKEN }, null, 2))
  chmodSync(sessionFile, 0o600)
  return {
    ...secrets,
    ...lakeEnv({ port: lakePort }),
    LOCAL_LAKE_WEBHOOKS: webhooks,
    LOCAL_LAKE_STUDIO_ORIGINS: process.env.LOCAL_LAKE_STUDIO_ORIGINS?.trim() || studioOrigins(studioPort).join(','),
  }
}

/**
 * The environment of a throwaway stack in `work`: a copy of the dataset, fresh random secrets and
 * the lake's revalidation webhook pointed at the site.
 */
export function prepareStack({ work, datasetDir, lakePort, sitePort }) {
  const dataset = path.join(work, 'dataset')
  cpSync(datasetDir, dataset, { recursive: true })
  const secrets = {
    LOCAL_LAKE_TOKEN: randomBytes(24).toString('hex'),
    SANITY_REVALIDATE_SECRET: randomBytes(24).toString('hex'),
    SANITY_PREVIEW_SECRET: randomBytes(24).toString('hex'),
  }
  const siteUrl = `http://127.0.0.1:${sitePort}`
  const webhooksFile = path.join(work, 'webhooks.json')
  writeFileSync(webhooksFile, JSON.stringify([revalidateWebhook(siteUrl, secrets.SANITY_REVALIDATE_SECRET)]))
  const env = {
    ...secrets,
    ...lakeEnv({ port: lakePort, datasetDir: dataset }),
    LOCAL_LAKE_WEBHOOKS: webhooksFile,
    SITE_URL: siteUrl,
  }
  return { siteUrl, dataset, env }
}
