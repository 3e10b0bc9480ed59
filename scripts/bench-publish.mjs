#!/usr/bin/env node
// Publish-to-visible latency: 20 times, publish a title change through the local lake (the same
// mutate API Studio uses) and poll the live article page until the new title is served.
// Prints the median and the worst; pass/fail is not its job.
import os from 'node:os'

import { lakeMutate, lakeQuery } from './lib/lake-client.mjs'
import { withStack } from './lib/stack.mjs'
import { median } from './lib/stats.mjs'

const RUNS = Number(process.env.BENCH_PUBLISHES ?? 20)

/**
 * Publishes `runs` title changes of the newest post and times each until `siteUrl` (one instance,
 * or the proxy in front of several) serves it.
 */
export async function measurePublishLatency({ siteUrl, lakeUrl, env }, runs = RUNS) {
  const post = await lakeQuery(
    lakeUrl,
    '*[_type == "post" && defined(slug.current)] | order(publishedAt desc)[0]{_id, "slug": slug.current}',
  )
  const page = `${siteUrl}/blog/${post.slug}`
  await (await fetch(page)).text()
  const timings = []
  for (let i = 0; i < runs; i += 1) {
    const title = `Benchmark title ${Date.now().toString(36)}-${i}`
    const started = performance.now()
    await lakeMutate(lakeUrl, env.LOCAL_LAKE_TOKEN, [{ patch: { id: post._id, set: { title } } }])
    for (;;) {
      const html = await (await fetch(page)).text()
      if (html.includes(title)) break
      if (performance.now() - started > 30_000) throw new Error(`publish ${i} not visible after 30 s`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    timings.push(performance.now() - started)
  }
  return { runs, median: median(timings), worst: Math.max(...timings), best: Math.min(...timings) }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  withStack({}, (stack) => measurePublishLatency(stack))
    .then(({ runs, median, worst, best }) => {
      console.log(`\nPublish-to-visible latency (${runs} publishes, ${os.cpus().length} cores, Node ${process.version})`)
      console.log(`  median ${median.toFixed(0)} ms   worst ${worst.toFixed(0)} ms   best ${best.toFixed(0)} ms`)
    })
    .catch((error) => {
      console.error(`\n✖ ${error.message}`)
      process.exit(1)
    })
}
