#!/usr/bin/env node
// npm run bench:cluster (and the last part of npm run bench): the cluster of npm run start:cluster (two instances sharing Redis,
// nginx in front), measured side by side in one run:
// - cached-article requests/s through nginx, through one instance directly, and nginx serving
//   the same bytes from a file (the proxy's own ceiling on this machine), all asking for gzip as
//   browsers do;
// - publish to visible through nginx: a title change through the lake, until nginx serves it.
// Prints figures; not a test. BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_ROUNDS, BENCH_PUBLISHES
// change the defaults (8, 16, 3, 10).
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

import { measurePublishLatency } from './bench-publish.mjs'
import { startCluster } from './lib/cluster.mjs'
import { lakeQuery } from './lib/lake-client.mjs'
import { load, machine, measureRate, median } from './lib/stats.mjs'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 10)
const GZIP = { 'accept-encoding': 'gzip' }

const rate = (url) => measureRate({ url, connections: CONNECTIONS, seconds: SECONDS, headers: GZIP })

/** Starts the cluster, measures, prints a Markdown section, stops the cluster. */
export async function benchCluster() {
  const staticRoot = mkdtempSync(path.join(tmpdir(), 'journal-static-'))
  chmodSync(staticRoot, 0o755) // nginx's workers read it
  const cluster = await startCluster({ quiet: true, staticRoot })
  try {
    const slug = await lakeQuery(cluster.lakeUrl, '*[_type == "post" && defined(slug.current)] | order(publishedAt desc)[0].slug.current')
    const article = `/blog/${slug}`
    // The article's bytes as the proxy serves them, as a file (and its .gz for gzip_static).
    const html = await (await fetch(cluster.siteUrl + article)).text()
    writeFileSync(path.join(staticRoot, 'article.html'), html)
    writeFileSync(path.join(staticRoot, 'article.html.gz'), gzipSync(html, { level: 6 }))
    const targets = {
      'through nginx (cached 1 s, two instances behind)': cluster.siteUrl + article,
      'one instance directly (`next start`, its ISR cache)': cluster.instances[0].url + article,
      'nginx serving the same bytes from a file': `${cluster.siteUrl}/__static/article.html`,
    }
    for (const url of Object.values(targets)) await rate(url).catch(() => undefined) // warm-up
    const rounds = Object.fromEntries(Object.keys(targets).map((name) => [name, []]))
    for (let round = 0; round < ROUNDS; round++) {
      const names = Object.keys(targets)
      for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
        console.log(`[bench] round ${round + 1}/${ROUNDS}: ${name}`)
        rounds[name].push(await rate(targets[name]))
      }
    }
    const publish = await measurePublishLatency({ siteUrl: cluster.siteUrl, lakeUrl: cluster.lakeUrl, env: cluster.env }, PUBLISHES)

    console.log(`\n### Cluster (${new Date().toISOString().slice(0, 10)})\n`)
    console.log(`Machine: ${machine()}. ${load()}.\n`)
    console.log(
      `Two instances sharing Redis, nginx in front; autocannon, ${CONNECTIONS} connections for ${SECONDS} s per target and round, median of ${ROUNDS} rounds, gzip asked for.\n`,
    )
    console.log('| cached article | requests/s | p50 | p99 |')
    console.log('|---|---:|---:|---:|')
    const medians = {}
    for (const name of Object.keys(targets)) {
      const rps = median(rounds[name].map((r) => r.rps))
      medians[name] = rps
      console.log(
        `| ${name} | ${rps.toFixed(0)} | ${median(rounds[name].map((r) => r.p50))} ms | ${median(rounds[name].map((r) => r.p99))} ms |`,
      )
    }
    const [proxied, direct, file] = Object.values(medians)
    console.log(
      `\nThrough nginx ÷ the file: **${(proxied / file).toFixed(2)}×**; through nginx ÷ one instance: ${(proxied / direct).toFixed(1)}×.`,
    )
    console.log(
      `\nPublish to visible through nginx (${publish.runs} publishes): median **${publish.median.toFixed(0)} ms**, worst ${publish.worst.toFixed(0)} ms.`,
    )
  } finally {
    await cluster.stop()
    rmSync(staticRoot, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchCluster().catch((error) => {
    console.error(`\n✖ ${error.message}`)
    process.exit(1)
  })
}
