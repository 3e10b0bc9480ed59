import { defineConfig } from 'vitest/config'

// The tooling's unit tests (npm test, turbo `test`). The system tests in system/ start whole
// stacks and run from their own entry points (vitest.system.config.mjs).
export default defineConfig({
  test: { include: ['lib/**/*.test.mjs'] },
})
