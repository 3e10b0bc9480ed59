#!/usr/bin/env node
// npm run dev: the local lake (unless a Sanity project is configured), `next dev` and
// `sanity dev`, with prefixed logs. Ctrl-C stops everything this script started.
import { portFromEnv, portIsFree, run } from './lib/processes.mjs'
import { buildLake, lakeEnv, localSession, spawnLake } from './lib/stack.mjs'

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

async function main() {
  const lakePort = portFromEnv('LOCAL_LAKE_PORT', 3030)
  // studio/env.ts gives `sanity dev` the same port (SANITY_STUDIO_PORT, default 3333).
  const studioPort = portFromEnv('SANITY_STUDIO_PORT', 3333)
  let env = {}
  if (!process.env.SANITY_PROJECT_ID) {
    await buildLake()
    if (await portIsFree(lakePort)) {
      const siteUrl = `http://127.0.0.1:${portFromEnv('PORT', 3000)}`
      env = {
        ...localSession({ siteUrl, lakePort, studioPort }),
        SANITY_STUDIO_LOCAL_LAKE_URL: `http://127.0.0.1:${lakePort}`,
        // Presentation: the Studio previews this site, which lets this Studio frame its draft pages.
        SANITY_STUDIO_PREVIEW_URL: process.env.SANITY_STUDIO_PREVIEW_URL || siteUrl,
        SANITY_STUDIO_URL: process.env.SANITY_STUDIO_URL || `http://localhost:${studioPort}`,
      }
      await spawnLake({ port: lakePort, env, studio: true })
      console.log(`[dev] site ${siteUrl}/blog, Studio http://localhost:${studioPort} (signed in to the local lake)`)
      console.log(`[dev] preview drafts: ${siteUrl}/api/draft-mode/enable?secret=${env.SANITY_PREVIEW_SECRET}&redirect=/blog`)
    } else {
      console.log(`[dev] using the local lake already running on port ${lakePort} (the Studio signs in if that lake allows its origin)`)
      env = { ...lakeEnv({ port: lakePort }), SANITY_STUDIO_LOCAL_LAKE_URL: `http://127.0.0.1:${lakePort}` }
    }
  }
  // @journal/content's dev task rebuilds its dist/ on every change, which next dev and sanity dev reload.
  await run(npx, ['turbo', 'run', 'dev', '--filter=@journal/content', '--filter=@journal/web', '--filter=@journal/studio'], {
    env,
    label: 'dev',
  })
}

main().catch((error) => {
  console.error(`\n✖ ${error.message}`)
  process.exit(1)
})
