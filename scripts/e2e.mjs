#!/usr/bin/env node
// End-to-end tests: a production build served by `next start`, the local lake on a copy of the
// demo content, the built Studio against that lake, and Playwright driving the OS's Chromium:
// first the visitors' pages (apps/web/e2e), then the editors' workflow in the Studio
// (studio/e2e). Everything binds to 127.0.0.1 on free ports and is stopped when the tests end.
import { createServer } from 'node:http'
import path from 'node:path'

import { CHROMIUM_FLAGS, findChromium } from './lib/chromium.mjs'
import { freePort, ROOT, run } from './lib/processes.mjs'
import { withStack } from './lib/stack.mjs'

/**
 * Lets the Studio tests restart the lake under an open Studio: POST /lake/stop and /lake/start
 * (on loopback, for the duration of the tests).
 */
async function startLakeControl(lake) {
  const server = createServer((request, response) => {
    const action = request.method === 'POST' ? { '/lake/stop': lake.stop, '/lake/start': lake.start }[request.url ?? ''] : undefined
    if (!action) return response.writeHead(404).end()
    action().then(
      () => response.writeHead(204).end(),
      (error) => response.writeHead(500).end(String(error)),
    )
  })
  const port = await freePort()
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) }
}

async function main() {
  const chromium = findChromium()
  const playwright = path.join(ROOT, 'node_modules/@playwright/test/cli.js')
  const only = process.argv.slice(2)
  // e2e/headers.spec.ts stands in for a second Studio on this origin, which may frame draft pages
  // too (same host as the site, so the draft-mode cookie goes along).
  const framerUrl = `http://127.0.0.1:${await freePort()}`
  const stack = { quiet: !process.env.E2E_VERBOSE, studio: true, env: { SANITY_STUDIO_ORIGINS: framerUrl } }
  await withStack(stack, async ({ siteUrl, lakeUrl, studioUrl, env, lake }) => {
    const testEnv = {
      ...env,
      CHROME_PATH: chromium,
      E2E_CHROMIUM_FLAGS: CHROMIUM_FLAGS.join(' '),
      E2E_BASE_URL: siteUrl,
      E2E_LAKE_URL: lakeUrl,
      E2E_STUDIO_URL: studioUrl,
      E2E_FRAMER_URL: framerUrl,
    }
    // A filter on the command line may match tests of only one of the two suites.
    const filter = only.length > 0 ? [...only, '--pass-with-no-tests'] : []
    await run(process.execPath, [playwright, 'test', '-c', 'apps/web/e2e/playwright.config.ts', ...filter], {
      env: testEnv,
      label: 'playwright (site)',
    })
    const control = await startLakeControl(lake)
    try {
      await run(process.execPath, [playwright, 'test', '-c', 'studio/e2e/playwright.config.ts', ...filter], {
        env: { ...testEnv, E2E_LAKE_CONTROL_URL: control.url },
        label: 'playwright (Studio)',
      })
    } finally {
      await control.close()
    }
  })
}

main().catch((error) => {
  console.error(`\n✖ ${error.message}`)
  process.exit(1)
})
