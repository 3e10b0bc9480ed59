#!/usr/bin/env node
// End-to-end tests: a production build served by `next start`, the local lake on a copy of the
// demo content, and Playwright driving the OS's Chromium. Everything binds to 127.0.0.1 on free
// ports and is stopped when the tests end.
import { randomBytes } from 'node:crypto'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { buildSite } from './lib/build-site.mjs'
import { findChromium } from './lib/chromium.mjs'
import { freePort, ROOT, run } from './lib/processes.mjs'
import { lakeEnv, revalidateWebhook, startLake, startSite } from './lib/stack.mjs'

async function main() {
  const chromium = findChromium()
  const [lakePort, sitePort] = [await freePort(), await freePort()]
  const work = mkdtempSync(path.join(tmpdir(), 'journal-e2e-'))
  const datasetDir = path.join(work, 'dataset')
  cpSync(path.join(ROOT, 'studio/seed'), datasetDir, { recursive: true })
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
    ...lakeEnv({ port: lakePort, datasetDir }),
    LOCAL_LAKE_WEBHOOKS: webhooksFile,
    SITE_URL: siteUrl,
  }
  const services = []
  try {
    console.log(`[e2e] building the site against a local lake on port ${lakePort}`)
    await buildSite({ filters: ['@journal/web...'], lakePort, env })
    services.push(await startLake({ port: lakePort, env, quiet: true }))
    services.push(await startSite({ port: sitePort, env, quiet: !process.env.E2E_VERBOSE }))
    await run(process.execPath, [path.join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'apps/web/e2e/playwright.config.ts'], {
      env: { ...env, CHROME_PATH: chromium, E2E_BASE_URL: siteUrl, E2E_LAKE_URL: `http://127.0.0.1:${lakePort}` },
      label: 'playwright',
    })
  } finally {
    for (const service of services.reverse()) await service.stop()
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(`\n✖ ${error.message}`)
  process.exit(1)
})
