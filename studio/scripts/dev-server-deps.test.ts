import { existsSync, readFileSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

const STUDIO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The directory Node's resolution finds for `name` from `fromDir` (walking up node_modules). */
function packageDir(name: string, fromDir: string): string {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name)
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate)
    if (path.dirname(dir) === dir) throw new Error(`${name} is not resolvable from ${fromDir}`)
  }
}

function version(dir: string): string {
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version
}

// `sanity dev` runs Sanity's own Vite with @vitejs/plugin-react. The plugin imports `vite` itself
// and switches to Rolldown-only code when that copy is Vite 8, so if npm hoists the plugin next to
// a different Vite than Sanity's (vitest brought Vite 8 to the root once), every Studio module
// fails to transform ("Missing field `moduleType`") and `npm run dev` serves an error page.
// `sanity build` does not take that path, so only this check catches it.
describe('the Studio dev server dependency tree', () => {
  it("gives @vitejs/plugin-react the same Vite that Sanity's dev server runs", () => {
    const cliBuild = packageDir('@sanity/cli-build', packageDir('@sanity/cli', packageDir('sanity', STUDIO_DIR)))
    const sanityVite = packageDir('vite', cliBuild)
    const pluginVite = packageDir('vite', packageDir('@vitejs/plugin-react', cliBuild))
    expect(`vite ${version(pluginVite)} at ${pluginVite}`).toBe(`vite ${version(sanityVite)} at ${sanityVite}`)
  })
})
