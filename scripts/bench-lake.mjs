#!/usr/bin/env node
// The local lake at scale: start-up time, each site query's latency (median and p95 over HTTP,
// the way the site calls it) and write time, against a dataset folder:
//
//   node scripts/bench-lake.mjs [dataset folder]      (default: a 10,000-post generated dataset)
//
// Prints figures; pass/fail is not its job. BENCH_QUERY_RUNS sets the runs per query (20).
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { generateDataset } from '../studio/seed/scripts/generate-dataset.mjs'
import { lakeMutate, lakeQuery } from './lib/lake-client.mjs'
import { freePort, ROOT } from './lib/processes.mjs'
import { loadSiteQueries, sampleSlugs, siteQueryCases } from './lib/site-queries.mjs'
import { buildLake } from './lib/stack.mjs'
import { machine, median, percentile } from './lib/stats.mjs'

const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 20)
const WRITES = 10

/** Starts `local-lake serve` and resolves with the time until it said it was listening. */
function serveLake(datasetDir, port, token) {
  const started = performance.now()
  const child = spawn(process.execPath, [path.join(ROOT, 'packages/local-lake/dist/cli.js'), 'serve'], {
    env: { ...process.env, LOCAL_LAKE_PORT: String(port), LOCAL_LAKE_DATASET: datasetDir, LOCAL_LAKE_TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', resolve)
      child.kill('SIGTERM')
    })
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
      if (output.includes('Local lake listening')) resolve({ startMs: performance.now() - started, stop, pid: child.pid })
    })
    child.once('exit', (code) => reject(new Error(`the lake exited (code ${code}) before listening:\n${output}`)))
  })
}

/** Median and p95 wall time of each site query, and the size of its answer. */
async function timeSiteQueries(lakeUrl, runs = RUNS) {
  const queries = await loadSiteQueries()
  const sample = await sampleSlugs((query, params = {}) => lakeQuery(lakeUrl, query, params))
  const rows = []
  for (const { name, query, params } of siteQueryCases(queries, sample)) {
    const result = await lakeQuery(lakeUrl, query, params) // warm-up
    const timings = []
    for (let run = 0; run < runs; run++) {
      const started = performance.now()
      await lakeQuery(lakeUrl, query, params)
      timings.push(performance.now() - started)
    }
    rows.push({ name, median: median(timings), p95: percentile(timings, 95), bytes: JSON.stringify(result ?? null).length })
  }
  return rows
}

/**
 * Median time of a one-document patch (acknowledged once it is on disk), and of the post page
 * query right after each: a write drops the lake's indexes, so that query builds them again.
 */
async function timeWrites(lakeUrl, token, writes = WRITES) {
  const queries = await loadSiteQueries()
  const sample = await sampleSlugs((query, params = {}) => lakeQuery(lakeUrl, query, params))
  const { _id: id } = await lakeQuery(lakeUrl, '*[_type == "post"] | order(publishedAt desc)[0]{_id}', {})
  const writeTimes = []
  const queryTimes = []
  for (let write = 0; write < writes; write++) {
    let started = performance.now()
    await lakeMutate(lakeUrl, token, [{ patch: { id, set: { excerpt: `Benchmark write ${write}: ${'x'.repeat(60)}` } } }])
    writeTimes.push(performance.now() - started)
    started = performance.now()
    await lakeQuery(lakeUrl, queries.POST_PAGE_QUERY, { slug: sample.postSlug, listedUntil: queries.LISTED_UNTIL_ALL })
    queryTimes.push(performance.now() - started)
  }
  return { median: median(writeTimes), worst: Math.max(...writeTimes), postPageAfterWrite: median(queryTimes) }
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'journal-bench-lake-'))
  let lake
  try {
    const datasetDir = path.join(work, 'dataset')
    if (process.argv[2]) cpSync(path.resolve(process.argv[2]), datasetDir, { recursive: true })
    else await generateDataset({ posts: 10_000, out: datasetDir })
    await buildLake()
    const port = await freePort()
    const token = 'bench-lake-token'
    lake = await serveLake(datasetDir, port, token)
    const lakeUrl = `http://127.0.0.1:${port}`
    const rows = await timeSiteQueries(lakeUrl)
    const writes = await timeWrites(lakeUrl, token)
    console.log(`\nLocal lake: ${process.argv[2] ?? 'generated 10,000 posts'} (${machine()})`)
    console.log(
      `  start-up ${lake.startMs.toFixed(0)} ms; write (patch one post) median ${writes.median.toFixed(0)} ms, worst ${writes.worst.toFixed(0)} ms`,
    )
    console.log(`  post page query right after a write (indexes rebuilt): median ${writes.postPageAfterWrite.toFixed(1)} ms`)
    console.log(`  ${'query'.padEnd(30)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'result'.padStart(10)}`)
    for (const row of rows) {
      const kb = `${(row.bytes / 1024).toFixed(1)} KB`
      console.log(
        `  ${row.name.padEnd(30)} ${`${row.median.toFixed(1)} ms`.padStart(9)} ${`${row.p95.toFixed(1)} ms`.padStart(9)} ${kb.padStart(10)}`,
      )
    }
  } finally {
    await lake?.stop()
    rmSync(work, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(`\n✖ ${error.stack ?? error.message}`)
    process.exit(1)
  })
}
