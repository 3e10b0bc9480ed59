#!/usr/bin/env node
// npm start: build the site and the Studio, start the local lake (unless a Sanity project is
// configured), serve the production build on PORT and the Studio on SANITY_STUDIO_PORT. Ctrl-C
// stops everything this script started.
import { buildSite } from './lib/build-site.mjs'
import { portFromEnv, portIsFree } from './lib/processes.mjs'
import { localSession, spawnLake, startSite, studioBuildEnv } from './lib/stack.mjs'
import { startStudioServer } from './lib/studio-server.mjs'

const host = process.env.HOST ?? '127.0.0.1'
const embedded = !process.env.SANITY_PROJECT_ID

async function main() {
  const port = portFromEnv('PORT', 3000)
  const lakePort = portFromEnv('LOCAL_LAKE_PORT', 3030)
  // studio/env.ts reads the same variable for `sanity dev`.
  const studioPort = portFromEnv('SANITY_STUDIO_PORT', 3333)
  if (!(await portIsFree(port))) throw new Error(`Port ${port} is already in use. Set PORT to a free port.`)
  if (!(await portIsFree(studioPort))) throw new Error(`Port ${studioPort} is already in use. Set SANITY_STUDIO_PORT to a free port.`)
  const origin = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`
  const studioUrl = `http://127.0.0.1:${studioPort}`
  await buildSite({ filters: ['@journal/web...', '@journal/studio'], lakePort, env: studioBuildEnv() })
  let env = {}
  if (embedded) {
    if (!(await portIsFree(lakePort))) {
      throw new Error(`Port ${lakePort} is already in use (another local lake?). Stop it or set LOCAL_LAKE_PORT.`)
    }
    env = localSession({ siteUrl: `http://127.0.0.1:${port}`, lakePort, studioPort })
    await spawnLake({ port: lakePort, env, studio: true })
  }
  // Draft pages may be framed by this Studio (its Presentation tool) and no other site.
  await startSite({ port, env: { SANITY_STUDIO_URL: process.env.SANITY_STUDIO_URL || studioUrl, ...env }, host })
  await startStudioServer({ port: studioPort, config: embedded ? { url: `http://127.0.0.1:${lakePort}`, previewUrl: origin } : null })
  console.log(`\n  Site: ${origin}/blog`)
  console.log(`  Studio: ${studioUrl}${embedded ? '   (signed in as the local editor; publishing reaches the site within a second)' : ''}`)
  if (embedded) {
    console.log(`  Content: local lake at http://127.0.0.1:${lakePort} (${process.env.LOCAL_LAKE_DATASET ?? 'studio/seed'})`)
    console.log(`  Scripts: npm run content -- --help   (the same lake from the command line)`)
    console.log(`  Preview: ${origin}/api/draft-mode/enable?secret=${env.SANITY_PREVIEW_SECRET}&redirect=/blog\n`)
  }
}

main().catch((error) => {
  console.error(`\n✖ ${error.message}`)
  process.exit(1)
})
