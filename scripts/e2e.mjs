#!/usr/bin/env node
// End-to-end tests: a production build served by `next start`, the local lake on a copy of the
// demo content, and Playwright driving the OS's Chromium. Everything binds to 127.0.0.1 on free
// ports and is stopped when the tests end.
import path from 'node:path'

import { CHROMIUM_FLAGS, findChromium } from './lib/chromium.mjs'
import { freePort, ROOT, run } from './lib/processes.mjs'
import { withStack } from './lib/stack.mjs'

async function main() {
  const chromium = findChromium()
  // Draft-mode pages may be framed by the Studio's origin only; e2e/headers.spec.ts stands in for
  // the Studio on this port (same host as the site, so the draft-mode cookie goes along).
  const studioUrl = `http://127.0.0.1:${await freePort()}`
  await withStack({ quiet: !process.env.E2E_VERBOSE, env: { SANITY_STUDIO_URL: studioUrl } }, async ({ siteUrl, lakeUrl, env }) => {
    await run(
      process.execPath,
      [path.join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'apps/web/e2e/playwright.config.ts', ...process.argv.slice(2)],
      {
        env: { ...env, CHROME_PATH: chromium, E2E_CHROMIUM_FLAGS: CHROMIUM_FLAGS.join(' '), E2E_BASE_URL: siteUrl, E2E_LAKE_URL: lakeUrl },
        label: 'playwright',
      },
    )
  })
}

main().catch((error) => {
  console.error(`\n✖ ${error.message}`)
  process.exit(1)
})
