import { defineConfig } from '@playwright/test'

const baseURL = process.env.E2E_STUDIO_URL
if (!baseURL) throw new Error('E2E_STUDIO_URL is not set: run the end-to-end tests with `npm run test:e2e`')
const chromiumFlags = process.env.E2E_CHROMIUM_FLAGS
if (!chromiumFlags) throw new Error('E2E_CHROMIUM_FLAGS is not set: run the end-to-end tests with `npm run test:e2e`')

/** The editors' workflow: the built Studio against the local lake, with the site it publishes to. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '../../apps/web/test-results/studio',
  use: {
    baseURL,
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROME_PATH,
      // scripts/lib/chromium.mjs: the flags that let Chromium run here (headless, as root, offline)
      args: chromiumFlags.split(' '),
    },
    trace: 'off',
  },
})
