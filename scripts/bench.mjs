#!/usr/bin/env node
// npm run bench: the production site on the local lake, measured. Builds the site against the
// demo content and generated datasets of 1,000 and 10,000 posts (time and peak memory of
// `next build`), then serves the 10,000-post build with `next start` and measures, side by side:
// requests/s and latency of a cached article page against the bare page of the same article
// (app/(baseline): the same build and data, no components or CSS: the framework's own floor),
// the first render of articles that were not prerendered, publish-to-visible latency, and the
// JavaScript each page loads. Prints a Markdown table; pass/fail is not its job.
//
// Tuning (environment): BENCH_BUILD_RUNS (builds per dataset, 3), BENCH_ROUNDS (load-test rounds,
// 3), BENCH_SECONDS (per round and page, 8), BENCH_CONNECTIONS (8), BENCH_FIRST_RENDERS (9),
// BENCH_PUBLISHES (9), BENCH_SIZES (comma-separated post counts, "1000,10000"; the largest is served).
// Last, the cluster of npm run start:cluster (bench-cluster.mjs); BENCH_CLUSTER=0 leaves it out.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

import { generateDataset } from '../studio/seed/scripts/generate-dataset.mjs'
import { benchCluster } from './bench-cluster.mjs'
import { measurePublishLatency } from './bench-publish.mjs'
import { copyWebApp, withBuiltStack } from './lib/bench-build.mjs'
import { lakeQuery } from './lib/lake-client.mjs'
import { ROOT } from './lib/processes.mjs'
import { buildLake } from './lib/stack.mjs'
import { load, machine, measureRate, median } from './lib/stats.mjs'

const setting = (name, fallback) => Number(process.env[name] ?? fallback)
const BUILD_RUNS = setting('BENCH_BUILD_RUNS', 3)
const ROUNDS = setting('BENCH_ROUNDS', 3)
const SECONDS = setting('BENCH_SECONDS', 8)
const CONNECTIONS = setting('BENCH_CONNECTIONS', 8)
const FIRST_RENDERS = setting('BENCH_FIRST_RENDERS', 9)
const PUBLISHES = setting('BENCH_PUBLISHES', 9)
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number)

const LISTED = '_type == "post" && defined(lower(title)) && defined(lower(slug.current)) && defined(dateTime(publishedAt))'

const log = (line) => process.stderr.write(`[bench] ${line}\n`)
const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

async function get(url) {
  const started = performance.now()
  const response = await fetch(url, { redirect: 'manual' })
  const body = await response.text()
  return { status: response.status, body, ms: performance.now() - started, cache: response.headers.get('x-nextjs-cache') }
}

/** Gzipped (level 9) size of the HTML and of every script the page loads by src. */
async function pageWeight(siteUrl, pathname) {
  const { body } = await get(`${siteUrl}${pathname}`)
  const sources = [...new Set([...body.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1].replaceAll('&amp;', '&')))]
  let js = 0
  for (const source of sources) {
    const script = await fetch(new URL(source, siteUrl))
    js += gzipSync(Buffer.from(await script.arrayBuffer()), { level: 9 }).length
  }
  return { html: body.length, htmlGzip: gzipSync(body, { level: 9 }).length, js, scripts: sources.length }
}

/** The bare page of /baseline/size/<kb> whose HTML is closest in size to `bytes`. */
async function sizeMatchedPage(siteUrl, bytes) {
  const guess = Math.min(256, Math.max(8, Math.round(bytes / 1024 / 8) * 8))
  let best
  for (const kb of new Set([guess - 8, guess, guess + 8].filter((kb) => kb >= 8 && kb <= 256))) {
    const pathname = `/baseline/size/${kb}`
    const { status, body } = await get(`${siteUrl}${pathname}`)
    if (status !== 200) throw new Error(`${pathname} answered ${status}`)
    if (!best || Math.abs(body.length - bytes) < Math.abs(best.bytes - bytes)) best = { pathname, bytes: body.length }
  }
  return best.pathname
}

async function measureSite({ siteUrl, lakeUrl, env }) {
  const [cached] = await lakeQuery(lakeUrl, `*[${LISTED}] | order(publishedAt desc)[0...1].slug.current`)
  const uncached = await lakeQuery(lakeUrl, `*[${LISTED}] | order(publishedAt desc)[100...$end].slug.current`, { end: 100 + FIRST_RENDERS })
  const pages = { article: `/blog/${cached}`, words: `/baseline/${cached}` }
  const articleHtml = await get(`${siteUrl}${pages.article}`)
  if (articleHtml.status !== 200) throw new Error(`${pages.article} answered ${articleHtml.status}`)
  pages.sized = await sizeMatchedPage(siteUrl, articleHtml.body.length)
  for (const pathname of [...Object.values(pages), ...Object.values(pages)]) {
    const { status } = await get(`${siteUrl}${pathname}`)
    if (status !== 200) throw new Error(`${pathname} answered ${status}`)
  }
  for (const [name, pathname] of Object.entries(pages))
    log(`${name} ${pathname}: x-nextjs-cache ${(await get(`${siteUrl}${pathname}`)).cache}`)

  const rounds = { article: [], sized: [], words: [] }
  const names = Object.keys(rounds)
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate which page goes first, so none always gets the warmest or coldest machine.
    const order = names.map((_, index) => names[(index + round) % names.length])
    for (const name of order) {
      log(`round ${round + 1}/${ROUNDS}: ${name}`)
      rounds[name].push(await measureRate({ url: `${siteUrl}${pages[name]}`, connections: CONNECTIONS, seconds: SECONDS }))
    }
  }
  const summary = async (name) => ({
    path: pages[name],
    rps: median(rounds[name].map((result) => result.rps)),
    p50: median(rounds[name].map((result) => result.p50)),
    p99: median(rounds[name].map((result) => result.p99)),
    ...(await pageWeight(siteUrl, pages[name])),
  })

  log('first renders of articles that were not prerendered')
  const firstRenders = []
  for (const slug of uncached) {
    const { status, ms: took } = await get(`${siteUrl}/blog/${slug}`)
    if (status !== 200) throw new Error(`/blog/${slug} answered ${status}`)
    firstRenders.push(took)
  }

  log(`publish-to-visible (${PUBLISHES} publishes)`)
  const publish = await measurePublishLatency({ siteUrl, lakeUrl, env }, PUBLISHES)
  return {
    article: await summary('article'),
    sized: await summary('sized'),
    words: await summary('words'),
    firstRender: { median: median(firstRenders), worst: Math.max(...firstRenders), count: firstRenders.length },
    publish,
  }
}

function commitDescription() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'apps', 'packages', 'studio/seed'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim()
    return dirty ? `${sha} + uncommitted changes` : sha
  } catch {
    return 'unknown commit'
  }
}

async function main() {
  const started = performance.now()
  const loadBefore = load()
  // The machine may be shared: the 1-minute load average every 10 s says how busy it was.
  const loadSamples = []
  const sampler = setInterval(() => loadSamples.push(os.loadavg()[0]), 10_000)
  const work = mkdtempSync(path.join(tmpdir(), 'journal-bench-data-'))
  const webDir = copyWebApp()
  try {
    await buildLake()
    const datasets = [{ label: 'demo', dir: path.join(ROOT, 'studio/seed') }]
    for (const posts of SIZES) {
      const dir = path.join(work, `posts-${posts}`)
      const stats = await generateDataset({ posts, out: dir })
      datasets.push({ label: `${posts.toLocaleString('en')} posts`, dir, stats })
    }
    // One unmeasured build first: the first build after a while reads everything from a cold disk.
    log('warm-up build (not measured)')
    await withBuiltStack({ datasetDir: datasets[0].dir, webDir, serve: false }, measureSite)
    const runs = datasets.map(() => [])
    let site
    // Round-robin over the datasets, so a busier or quieter spell of the machine is shared out.
    for (let run = 0; run < BUILD_RUNS; run++) {
      for (const [index, dataset] of datasets.entries()) {
        const serve = index === datasets.length - 1 && run === BUILD_RUNS - 1
        log(`next build with ${dataset.label} (${run + 1}/${BUILD_RUNS})${serve ? ', then the site benchmarks' : ''}`)
        const result = await withBuiltStack({ datasetDir: dataset.dir, webDir, serve }, measureSite)
        runs[index].push(result.build)
        if (serve) site = result
        log(`  ${ms(result.build.ms)}, peak ${mb(result.build.peakRss)}`)
      }
    }
    const builds = datasets.map((dataset, index) => ({
      label: dataset.label,
      ms: median(runs[index].map((run) => run.ms)),
      all: runs[index].map((run) => run.ms),
      peakRss: median(runs[index].map((run) => run.peakRss)),
      largest: median(runs[index].map((run) => run.largestProcessRss)),
    }))
    const during = loadSamples.length
      ? `during: 1-minute load average ${median(loadSamples).toFixed(1)} median, ${Math.max(...loadSamples).toFixed(1)} highest`
      : ''
    report({ builds, site, served: datasets.at(-1).label, loadBefore, during, minutes: (performance.now() - started) / 60_000 })
  } finally {
    clearInterval(sampler)
    rmSync(work, { recursive: true, force: true })
    rmSync(webDir, { recursive: true, force: true })
  }
  // Several instances behind nginx, on the demo content (BENCH_CLUSTER=0 leaves it out).
  if (process.env.BENCH_CLUSTER !== '0') await benchCluster()
}

function report({ builds, site, served, loadBefore, during, minutes }) {
  const { article, sized, words, firstRender, publish } = site
  const row = (name, page) =>
    `| ${name} \`${page.path.replace(/\/[^/]+$/, '/…')}\` | ${page.rps.toFixed(0)} | ${page.p50} ms | ${page.p99} ms | ${kb(page.html)} (${kb(page.htmlGzip)}) | ${kb(page.js)} (${page.scripts} scripts) |`
  const lines = [
    '',
    `### Benchmarks (${new Date().toISOString().slice(0, 10)}, ${commitDescription()})`,
    '',
    `Machine: ${machine()}. Before the run: ${loadBefore}; ${during}. Took ${minutes.toFixed(1)} min.`,
    '',
    `Site built and served with ${served} (\`next start\`, local lake); load tests with autocannon,`,
    `${CONNECTIONS} connections for ${SECONDS} s per page and round, median of ${ROUNDS} rounds, pages in rotating order.`,
    '',
    '| page (served from the ISR cache) | requests/s | p50 | p99 | HTML (gzip) | JS loaded, gzip |',
    '|---|---:|---:|---:|---:|---:|',
    row('article', article),
    row('bare page of the same size', sized),
    row("bare page with the article's words", words),
    '',
    `Article ÷ bare page of the same size: **${(article.rps / sized.rps).toFixed(2)}×** requests/s; ` +
      `÷ bare page with its words: ${(article.rps / words.rps).toFixed(2)}×.`,
    '',
    '| measurement | median | worst |',
    '|---|---:|---:|',
    `| first render of an article not prerendered (${firstRender.count} articles) | ${ms(firstRender.median)} | ${ms(firstRender.worst)} |`,
    `| publish to visible (${publish.runs} publishes through the lake's webhook) | ${ms(publish.median)} | ${ms(publish.worst)} |`,
    '',
    `| content | \`next build\`: median (each run) | × demo | peak memory, build process tree | largest process |`,
    '|---|---:|---:|---:|---:|',
    ...builds.map(
      (build) =>
        `| ${build.label} | ${(build.ms / 1000).toFixed(1)} s (${build.all.map((run) => (run / 1000).toFixed(0)).join(', ')}) | ${(build.ms / builds[0].ms).toFixed(2)} | ${mb(build.peakRss)} | ${mb(build.largest)} |`,
    ),
    '',
  ]
  console.log(lines.join('\n'))
}

main().catch((error) => {
  console.error(`\n✖ ${error.stack ?? error.message}`)
  process.exit(1)
})
