import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // e2e/*.spec.ts are Playwright tests of the built Studio (scripts/e2e.mjs runs them).
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', '.sanity/**', 'e2e/**'],
  },
})
