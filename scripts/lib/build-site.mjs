import { checkHostedProject } from './hosted-preflight.mjs'
import { portIsFree, run } from './processes.mjs'
import { buildLake, lakeEnv, spawnLake } from './stack.mjs'

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

async function isLake(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/v1/data/query/${process.env.SANITY_DATASET ?? 'production'}?query=1`, {
      signal: AbortSignal.timeout(2000),
    })
    const body = await response.json()
    return body && typeof body === 'object' && 'result' in body
  } catch {
    return false
  }
}

/**
 * Builds the given workspaces. Prerendering reads content, so in embedded mode a local lake is
 * started on LOCAL_LAKE_PORT for the duration of the build (or an already running one is used):
 * the same port the site will use at run time, because prerendered pages carry image URLs.
 */
export async function buildSite({ filters = [], lakePort, env = {} }) {
  const turboArgs = ['turbo', 'run', 'build', ...filters.map((filter) => `--filter=${filter}`)]
  if (process.env.SANITY_PROJECT_ID) {
    // Prerendering reads the project: fail in one line, before the build, when it cannot.
    await checkHostedProject({
      projectId: process.env.SANITY_PROJECT_ID.trim(),
      dataset: process.env.SANITY_DATASET?.trim() || undefined,
      apiVersion: process.env.SANITY_API_VERSION?.trim() || undefined,
    })
    await run(npx, turboArgs, { env, label: 'build' })
    return
  }
  await buildLake()
  let lake = null
  if (!(await portIsFree(lakePort))) {
    if (!(await isLake(lakePort))) {
      throw new Error(`Port ${lakePort} is taken by something that is not a local lake. Set LOCAL_LAKE_PORT to a free port.`)
    }
    console.log(`[build] using the local lake already running on port ${lakePort}`)
  } else {
    lake = await spawnLake({ port: lakePort, env, quiet: true })
  }
  try {
    await run(npx, turboArgs, { env: { ...env, ...lakeEnv({ port: lakePort }) }, label: 'build' })
  } finally {
    await lake?.stop()
  }
}
