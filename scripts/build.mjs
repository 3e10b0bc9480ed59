#!/usr/bin/env node
// npm run build: every workspace (site, studio, lake), with a local lake serving content to the
// site's prerender when no Sanity project is configured.
import { buildSite } from './lib/build-site.mjs'

const lakePort = Number(process.env.LOCAL_LAKE_PORT ?? 3030)

buildSite({ lakePort }).catch((error) => {
  console.error(`\n✖ ${error.message}`)
  process.exit(1)
})
