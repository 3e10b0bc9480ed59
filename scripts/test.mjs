#!/usr/bin/env node
// npm test: formatting, type checks, lint, unit/component/integration tests in every workspace, the
// generated-types check, end-to-end tests in Chromium against a production build, the outage
// tests and the cluster tests against that same build (after it, never beside it: they share
// .next's ISR cache), then
// the fuzz test, which builds the site again against ~1,500 hostile documents, and last `npm run
// dev` itself (next dev and sanity dev on free ports).
import { run } from './lib/processes.mjs'

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const FUZZ_SEED = process.env.FUZZ_SEED ?? '4006090115'

async function main() {
  // First: the type check regenerates the types in place, which would hide a stale committed copy.
  // (The Studio's schema imports @journal/content, which is read from its build.)
  await run(npx, ['turbo', 'run', 'build', '--filter=@journal/content', '--output-logs=errors-only'], { label: 'content build' })
  await run('npm', ['run', 'typegen:check', '--silent'], { label: 'typegen check' })
  // The demo content against the schema's rules and what they cannot see (studio/scripts/validate-seed.mjs).
  await run('npm', ['run', 'validate:seed', '--silent', '--workspace', '@journal/studio'], { label: 'seed validation' })
  await run(npx, ['prettier', '--check', '--log-level=warn', '.'], { label: 'format check (npm run format fixes it)' })
  await run(npx, ['turbo', 'run', 'typecheck', 'lint', 'test', '--output-logs=new-only'], { label: 'workspace checks' })
  await run(process.execPath, ['scripts/e2e.mjs'], { label: 'end-to-end tests' })
  await run(process.execPath, ['scripts/outage.mjs', '--reuse-build'], { label: 'outage tests' })
  // Two instances of that build sharing Redis behind nginx (Debian's redis-server and nginx).
  await run(process.execPath, ['scripts/cluster-check.mjs', '--reuse-build'], { label: 'cluster tests' })
  // A fixed seed keeps npm test (and CI) reproducible; `npm run fuzz` explores new seeds.
  await run(process.execPath, ['scripts/fuzz.mjs', '--seed', FUZZ_SEED], { label: 'fuzz test' })
  await run(process.execPath, ['scripts/dev-check.mjs'], { label: 'npm run dev check' })
}

main().catch((error) => {
  console.error(`\n✖ ${error.message}`)
  process.exit(1)
})
