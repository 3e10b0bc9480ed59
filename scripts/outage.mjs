#!/usr/bin/env node
// npm run test:outage: the site with its content source stopped, failing or hanging
// (scripts/system/outage.test.mjs, in Vitest). Builds first; --reuse-build serves the build
// already in apps/web/.next (npm test, right after the e2e tests).
import { runSystemTests } from './lib/system-tests.mjs'

await runSystemTests('outage', { JOURNAL_REUSE_BUILD: process.argv.includes('--reuse-build') ? '1' : '' })
