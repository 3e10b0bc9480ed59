#!/usr/bin/env node
// npm start: build the site, start the local lake (unless a Sanity project is configured) and
// serve the production build on PORT. Ctrl-C stops everything this script started.
import { buildSite } from './lib/build-site.mjs'
import { portIsFree } from './lib/processes.mjs'
import { localSession, startLake, startSite } from './lib/stack.mjs'

const port = Number(process.env.PORT ?? 3000)
const lakePort = Number(process.env.LOCAL_LAKE_PORT ?? 3030)
const host = process.env.HOST ?? '127.0.0.1'
const embedded = !process.env.SANITY_PROJECT_ID

async function main() {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`)
  if (!(await portIsFree(port))) throw new Error(`Port ${port} is already in use. Set PORT to a free port.`)
  await buildSite({ filters: ['@journal/web...'], lakePort })
  let env = {}
  if (embedded) {
    if (!(await portIsFree(lakePort))) {
      throw new Error(`Port ${lakePort} is already in use (another local lake?). Stop it or set LOCAL_LAKE_PORT.`)
    }
    env = localSession({ siteUrl: `http://127.0.0.1:${port}`, lakePort })
    await startLake({ port: lakePort, env })
  }
  await startSite({ port, env, host })
  const origin = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`
  console.log(`\n  Journal is running at ${origin}/blog`)
  if (embedded) {
    console.log(`  Content:  local lake at http://127.0.0.1:${lakePort} (${process.env.LOCAL_LAKE_DATASET ?? 'studio/seed'})`)
    console.log(`  Publish:  npm run content -- --help   (changes reach the site through the signed webhook)`)
    console.log(`  Preview:  ${origin}/api/draft-mode/enable?secret=${env.SANITY_PREVIEW_SECRET}&redirect=/blog\n`)
  }
}

main().catch((error) => {
  console.error(`\n✖ ${error.message}`)
  process.exit(1)
})
