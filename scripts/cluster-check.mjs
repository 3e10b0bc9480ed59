#!/usr/bin/env node
// npm run test:cluster: two instances sharing Redis behind nginx, tried from outside
// (scripts/system/cluster.test.mjs, in Vitest). Builds first; --reuse-build serves the build
// already in apps/web/.next (npm test).
import { runSystemTests } from './lib/system-tests.mjs'

await runSystemTests('cluster', { JOURNAL_REUSE_BUILD: process.argv.includes('--reuse-build') ? '1' : '' })
