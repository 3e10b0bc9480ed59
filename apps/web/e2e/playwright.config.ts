import { defineConfig } from '@playwright/test'

const baseURL = process.env.E2E_BASE_URL
if (!baseURL) throw new Error('E2E_BASE_URL is not set: run the end-to-end tests with `npm run test:e2e`')
const chromiumFlags = process.env.E2E_CHROMIUM_FLAGS
if (!chromiumFlags) throw new Error('E2E_CHROMIUM_FLAGS is not set: run the end-to-end tests with `npm run test:e2e`')

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  outputDir: '../test-results',
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROME_PATH,
      // scripts/lib/chromium.mjs: the flags that let Chromium run here (headless, as root, offline)
      args: chromiumFlags.split(' '),
    },
    trace: 'off',
  },
})
