// Runs one file of system tests (scripts/system/<name>.test.mjs) in Vitest, with `env` added:
// what the thin entry points (outage.mjs, fuzz.mjs, dev-check.mjs) turn their flags into.
import { ROOT, run } from './processes.mjs'

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

export async function runSystemTests(name, env = {}) {
  try {
    await run(npx, ['vitest', 'run', '--config', 'scripts/vitest.system.config.mjs', `system/${name}.test.mjs`], {
      cwd: ROOT,
      env,
      label: `${name} tests`,
    })
  } catch (error) {
    console.error(`\n✖ ${error.message}`)
    process.exit(1)
  }
}
