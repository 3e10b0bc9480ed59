#!/usr/bin/env node
// npm run build: every workspace (site, studio, lake), with a local lake serving content to the
// site's prerender when no Sanity project is configured.
import { buildSite } from './lib/build-site.mjs'
import { portFromEnv } from './lib/processes.mjs'

Promise.resolve()
  .then(() => buildSite({ lakePort: portFromEnv('LOCAL_LAKE_PORT', 3030) }))
  .catch((error) => {
    console.error(`\n✖ ${error.message}`)
    process.exit(1)
  })
