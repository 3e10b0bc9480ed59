#!/usr/bin/env node
// npm run fuzz: ~1,500 random hostile documents, a build against them, every page requested
// (scripts/system/fuzz.test.mjs, in Vitest).
//
//   npm run fuzz                        1,500 documents, a random seed (printed)
//   npm run fuzz -- --docs 20000        more documents
//   npm run fuzz -- --seed 123          replays a run (same --docs); FUZZ_SEED=123 does too
//   --concurrency <n>                   parallel requests (default 4)
//   --no-build                          serve the build already in apps/web/.next, to iterate on the
//                                       checks (its pages come from whatever it was built against)
import { parseArgs } from 'node:util'

import { runSystemTests } from './lib/system-tests.mjs'

const { values } = parseArgs({
  options: { docs: { type: 'string' }, seed: { type: 'string' }, concurrency: { type: 'string' }, 'no-build': { type: 'boolean' } },
})
await runSystemTests('fuzz', {
  ...(values.docs ? { FUZZ_DOCS: values.docs } : {}),
  ...(values.seed ? { FUZZ_SEED: values.seed } : {}),
  ...(values.concurrency ? { FUZZ_CONCURRENCY: values.concurrency } : {}),
  ...(values['no-build'] ? { FUZZ_NO_BUILD: '1' } : {}),
})
