#!/usr/bin/env node
// npm run soak: the sustained-load test. Builds and serves the production site on the demo content
// (local lake), then keeps 50 connections busy for 5 minutes on every cached public page (every
// URL in the sitemap, the index pages, the feed, the sitemaps, robots.txt), sampling the site
// server's memory (resident set of `next start` and its children) every 2 seconds.
//
// It prints the figures and a verdict, and exits 1 when any request failed (a socket error, a
// timeout or a status other than 2xx) or when memory kept growing after the warm-up: the
// last minute's median resident set more than 10% (and 32 MB) above the first minute's after it.
//
//   npm run soak                                  5 minutes, 50 connections, 60 s warm-up
//   npm run soak -- --seconds 60 --connections 20 --warmup 15 --csv memory.csv
//   npm run soak -- --cluster                     through nginx to two instances sharing Redis
//                                                 (npm run start:cluster's layout); the memory of
//                                                 every instance and of Redis is sampled
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

import { treeRss } from './lib/bench-build.mjs'
import { get } from './lib/site-checks.mjs'
import { startCluster } from './lib/cluster.mjs'
import { startStack } from './lib/stack.mjs'
import { load, loadTest, machine, median } from './lib/stats.mjs'

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '300' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '60' },
    csv: { type: 'string' },
    cluster: { type: 'boolean', default: false },
  },
})
const positive = (name) => {
  const value = Number(options[name])
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got "${options[name]}"`)
  return value
}
const SECONDS = positive('seconds')
const CONNECTIONS = Math.round(positive('connections'))
const WARMUP = Math.min(positive('warmup'), SECONDS / 2)
const SAMPLE_MS = 2000
// Memory after the warm-up counts as growing when the last minute's median is this much above the
// first minute's: both a share and a floor, because a small heap moves by a few MB with each GC.
const GROWTH_SHARE = 0.1
const GROWTH_FLOOR_MB = 32

/** Every cached public page: the sitemap's URLs (moved onto the local origin) and the site's files. */
async function cachedPages(siteUrl) {
  const locs = (xml) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((match) => match[1])
  const onSite = (url) => new URL(new URL(url).pathname, siteUrl).pathname
  const index = await get(`${siteUrl}/sitemap.xml`)
  if (index.status !== 200) throw new Error(`/sitemap.xml answered ${index.status}`)
  const pages = new Set(['/blog', '/blog/feed.xml', '/sitemap.xml', '/robots.txt'])
  for (const sitemap of locs(index.text)) {
    const response = await get(`${siteUrl}${onSite(sitemap)}`)
    if (response.status !== 200) throw new Error(`${onSite(sitemap)} answered ${response.status}`)
    pages.add(onSite(sitemap))
    for (const url of locs(response.text)) pages.add(onSite(url))
  }
  return [...pages]
}

const mb = (kb) => kb / 1024

/** Memory figures of one process's samples (KB), and whether it kept growing after the warm-up. */
function memoryFigures(samples) {
  const settled = samples.filter((sample) => sample.t >= WARMUP)
  const before = median(settled.filter((sample) => sample.t < WARMUP + 60).map((sample) => sample.kb))
  const after = median(settled.filter((sample) => sample.t >= SECONDS - 60).map((sample) => sample.kb))
  const peak = Math.max(...samples.map((sample) => sample.kb))
  // Least-squares slope over the samples after the warm-up, in KB per second.
  const meanT = settled.reduce((sum, sample) => sum + sample.t, 0) / settled.length
  const meanKb = settled.reduce((sum, sample) => sum + sample.kb, 0) / settled.length
  const slope =
    settled.reduce((sum, sample) => sum + (sample.t - meanT) * (sample.kb - meanKb), 0) /
    settled.reduce((sum, sample) => sum + (sample.t - meanT) ** 2, 0)
  const growth = after - before
  return {
    start: samples[0].kb,
    before,
    after,
    peak,
    slope,
    growth,
    growing: growth > Math.max(before * GROWTH_SHARE, GROWTH_FLOOR_MB * 1024),
  }
}

/** The site to soak and the processes whose memory is sampled: one `next start`, or the cluster. */
async function target() {
  if (!options.cluster) {
    const stack = await startStack({ quiet: true })
    return { siteUrl: stack.siteUrl, processes: { server: stack.sitePid }, stop: stack.stop }
  }
  const cluster = await startCluster({ quiet: true })
  const processes = Object.fromEntries(cluster.instances.map((instance, index) => [`instance ${index + 1}`, instance.pid()]))
  if (cluster.redis.pid()) processes.redis = cluster.redis.pid()
  return { siteUrl: cluster.siteUrl, processes, stop: cluster.stop }
}

async function main() {
  if (process.platform !== 'linux') throw new Error('the soak reads process memory from /proc: run it on Linux')
  console.log(
    `Soak: ${CONNECTIONS} connections for ${SECONDS} s on every cached page${options.cluster ? ', through nginx to the cluster' : ''} (${machine()})`,
  )
  const { siteUrl, processes, stop } = await target()
  try {
    const paths = await cachedPages(siteUrl)
    // Fill the cache: every page once before the clock starts (ISR renders on first request).
    for (const path of paths) {
      const response = await get(`${siteUrl}${path}`)
      if (response.status >= 400) throw new Error(`${path} answered ${response.status} before the soak`)
    }
    const names = Object.keys(processes)
    console.log(
      `${paths.length} pages; sampling the memory of ${names.map((name) => `${name} (pid ${processes[name]})`).join(', ')} every ${SAMPLE_MS / 1000} s…`,
    )
    const started = Date.now()
    const samples = Object.fromEntries(names.map((name) => [name, []]))
    const sample = () => {
      for (const name of names) samples[name].push({ t: (Date.now() - started) / 1000, kb: treeRss(processes[name]).total / 1024 })
    }
    sample()
    const timer = setInterval(sample, SAMPLE_MS)
    let result
    try {
      result = await loadTest({ url: siteUrl, paths, connections: CONNECTIONS, seconds: SECONDS, headers: { 'accept-encoding': 'gzip' } })
    } finally {
      clearInterval(timer)
    }
    sample()
    const { statuses } = result
    const figures = Object.fromEntries(names.map((name) => [name, memoryFigures(samples[name])]))
    // Every page in the list answers 200 from the cache; anything else is a failure.
    const failed = result.errors + result.timeouts + result.non2xx

    console.log('')
    console.log(`| figure | value |`)
    console.log(`|---|---:|`)
    console.log(`| requests | ${result.requests.total.toLocaleString('en')} |`)
    console.log(`| requests/s (mean) | ${Math.round(result.requests.average)} |`)
    console.log(`| latency p50 / p99 / max | ${result.latency.p50} / ${result.latency.p99} / ${result.latency.max} ms |`)
    console.log(
      `| responses by status | ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([code, count]) => `${code}: ${count.toLocaleString('en')}`)
        .join(', ')} |`,
    )
    console.log(`| socket errors / timeouts | ${result.errors} / ${result.timeouts} |`)
    for (const name of names) {
      const f = figures[name]
      console.log(
        `| ${name} memory: at start / first minute after the ${WARMUP} s warm-up / last minute (medians) / peak | ${mb(f.start).toFixed(0)} / ${mb(f.before).toFixed(0)} / ${mb(f.after).toFixed(0)} / ${mb(f.peak).toFixed(0)} MB |`,
      )
      console.log(`| ${name} memory trend after warm-up | ${(mb(f.slope) * 60).toFixed(1)} MB/min |`)
    }
    console.log(`\n${load()}`)
    if (options.csv) {
      const rows = samples[names[0]].map((first, index) =>
        [first.t.toFixed(1), ...names.map((name) => mb(samples[name][index]?.kb ?? 0).toFixed(1))].join(','),
      )
      writeFileSync(options.csv, `seconds,${names.map((name) => `${name.replaceAll(' ', '_')}_rss_mb`).join(',')}\n${rows.join('\n')}\n`)
      console.log(`Memory samples: ${options.csv}`)
    }
    const verdicts = []
    if (failed > 0) verdicts.push(`${failed} failed requests`)
    for (const name of names) {
      if (figures[name].growing) verdicts.push(`${name}'s memory grew by ${mb(figures[name].growth).toFixed(0)} MB after the warm-up`)
    }
    if (verdicts.length > 0) {
      console.error(`\n✖ ${verdicts.join('; ')}`)
      process.exitCode = 1
    } else {
      const growths = names.map((name) => `${name} ${figures[name].growth >= 0 ? '+' : ''}${mb(figures[name].growth).toFixed(0)} MB`)
      console.log(`\n✔ zero failed requests; memory flat after the warm-up (first to last minute: ${growths.join(', ')})`)
    }
  } finally {
    await stop()
  }
}

main().catch((error) => {
  console.error(`\n✖ ${error.message}`)
  process.exit(1)
})
