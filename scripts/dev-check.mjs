#!/usr/bin/env node
// npm run test:dev: `npm run dev` on free ports, tried as a developer runs it
// (scripts/system/dev.test.mjs, in Vitest).
import { runSystemTests } from './lib/system-tests.mjs'

await runSystemTests('dev')
