#!/usr/bin/env node
// npm run start:cluster: one build, the local lake (unless a Sanity project is configured), Redis
// (unless REDIS_URL names one), CLUSTER_INSTANCES instances of `next start` (default 2) sharing
// their cache through it, and nginx in front on PORT (default 3000). docs/deploy.md explains it.
import { startCluster } from './lib/cluster.mjs'
import { portFromEnv, portIsFree } from './lib/processes.mjs'

async function main() {
  if (process.env.SANITY_PROJECT_ID)
    throw new Error('npm run start:cluster runs on the local lake; for a hosted project see docs/deploy.md')
  const proxy = portFromEnv('PORT', 3000)
  const count = Number(process.env.CLUSTER_INSTANCES ?? 2)
  if (!Number.isInteger(count) || count < 1 || count > 16)
    throw new Error(`CLUSTER_INSTANCES must be 1 to 16, got "${process.env.CLUSTER_INSTANCES}"`)
  const instances = Array.from({ length: count }, (_, index) => proxy + 1 + index)
  const lake = portFromEnv('LOCAL_LAKE_PORT', 3030)
  const redis = portFromEnv('REDIS_PORT', 6390)
  const wanted = [proxy, ...instances, lake, ...(process.env.REDIS_URL ? [] : [redis])]
  for (const port of wanted)
    if (!(await portIsFree(port))) throw new Error(`Port ${port} is already in use (the cluster uses ${wanted.join(', ')})`)
  const cluster = await startCluster({
    instances: count,
    ports: { proxy, instances, lake, redis },
    redisUrl: process.env.REDIS_URL?.trim() || undefined,
    quiet: false,
  })
  console.log(`\n  Site: ${cluster.siteUrl}/blog`)
  for (const instance of cluster.instances) console.log(`  Instance: ${instance.url}`)
  console.log(`  Redis: ${cluster.redis.url}`)
  console.log(`  Content: local lake at ${cluster.lakeUrl} (its webhook goes to ${cluster.instances[0].url})\n`)
  // Ctrl-C stops every process started here (lib/processes.mjs).
}

main().catch((error) => {
  console.error(`\n✖ ${error.message}`)
  process.exit(1)
})
