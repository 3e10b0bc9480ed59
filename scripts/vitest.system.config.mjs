import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { defineConfig } from 'vitest/config'

// System tests: each file starts a whole stack (a build, the lake, next start or npm run dev) and
// tries it from outside, so they run one file at a time, with minutes rather than seconds per test.
// Started by the thin entry points (outage.mjs, fuzz.mjs, dev-check.mjs) and by npm test.
export default defineConfig({
  root: path.dirname(fileURLToPath(import.meta.url)),
  test: {
    include: ['system/**/*.test.mjs'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
    teardownTimeout: 60_000,
    reporters: ['verbose'],
  },
})
