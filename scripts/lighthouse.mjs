#!/usr/bin/env node
// Lighthouse (mobile preset) on the flagship article and on the bare baseline page with the same
// text (app/(baseline)/baseline/[slug]): a production build served by `next start` with the local
// lake, the OS's Chromium, several runs per page alternating between the two, medians printed as a
// table with the JavaScript each page loads. It prints figures; pass/fail is not its job.
//
//   npm run lighthouse                      3 runs per page
//   npm run lighthouse -- --runs 5 --out lh  5 runs, JSON reports kept in ./lh
//   npm run lighthouse -- --throttling devtools
//                                           Chromium really throttled (150 ms RTT, 1.6 Mbps, 4x CPU)
//                                           and the page measured, instead of Lantern's estimate
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { CHROMIUM_FLAGS, findChromium } from './lib/chromium.mjs'
import { lakeQuery } from './lib/lake-client.mjs'
import { ROOT } from './lib/processes.mjs'
import { withStack } from './lib/stack.mjs'
import { median } from './lib/stats.mjs'

const LIGHTHOUSE_CLI = path.join(ROOT, 'node_modules/lighthouse/cli/index.js')
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo']

// The post that uses every body block type, so every component is on the page.
const FLAGSHIP_QUERY = `*[_type == "post" && defined(slug.current) && defined(publishedAt)
  && count(body[_type == "figure"]) > 0 && count(body[_type == "pullQuote"]) > 0
  && count(body[_type == "ctaBlock"]) > 0 && count(body[_type == "relatedArticle"]) > 0
] | order(publishedAt desc)[0]{ "slug": slug.current, title }`

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.LIGHTHOUSE_RUNS ?? '3' },
    out: { type: 'string' },
    throttling: { type: 'string', default: 'simulate' },
  },
})
const RUNS = Math.max(1, Number.parseInt(options.runs, 10) || 3)
// simulate: Lighthouse's default, one unthrottled load and Lantern's estimate of the throttled one.
// devtools: the same mobile conditions applied to Chromium while it loads, and what it did measured.
const THROTTLING = options.throttling
if (!['simulate', 'devtools'].includes(THROTTLING)) {
  console.error(`✖ --throttling must be simulate or devtools, got "${THROTTLING}"`)
  process.exit(2)
}

/** One Lighthouse run in a fresh Chromium; resolves with the parsed JSON report. */
function runLighthouse(url, chromium, outputPath) {
  const args = [
    LIGHTHOUSE_CLI,
    url,
    '--output=json',
    `--output-path=${outputPath}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
    `--throttling-method=${THROTTLING}`,
    '--no-enable-error-reporting',
    '--quiet',
    // the trace too, for bootstrapRace()
    ...(THROTTLING === 'simulate' ? ['--save-assets'] : []),
  ]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: chromium },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`lighthouse ${url} exited ${code}: ${stderr.trim().slice(-2000)}`))
      else resolve(JSON.parse(readFileSync(outputPath, 'utf8')))
    })
  })
}

/** The figures this script reports, from one Lighthouse report. */
function summarise(report) {
  const audit = (id) => report.audits[id]
  const requests = audit('network-requests')?.details?.items ?? []
  const scripts = requests.filter((item) => item.resourceType === 'Script')
  const failing = []
  const errored = []
  for (const id of CATEGORIES) {
    for (const ref of report.categories[id].auditRefs) {
      const result = audit(ref.id)
      if (result.scoreDisplayMode === 'error') errored.push(`${id}: ${ref.id} (weight ${ref.weight})`)
    }
  }
  for (const id of CATEGORIES.slice(1)) {
    for (const ref of report.categories[id].auditRefs) {
      const result = audit(ref.id)
      if (ref.weight > 0 && result.score !== null && result.score < 1) failing.push(`${id}: ${ref.id} — ${result.title}`)
    }
  }
  return {
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((report.categories[id].score ?? 0) * 100)])),
    lcp: audit('largest-contentful-paint').numericValue,
    fcp: audit('first-contentful-paint').numericValue,
    cls: audit('cumulative-layout-shift').numericValue,
    tbt: audit('total-blocking-time').numericValue,
    // transferSize is what went over the wire: gzip-encoded, as `next start` serves scripts
    jsBytes: scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
    jsFiles: scripts.length,
    failing,
    errored,
    runWarnings: report.runWarnings ?? [],
    chromeVersion: report.environment?.hostUserAgent?.match(/Chrome\/([\d.]+)/u)?.[1] ?? 'unknown',
  }
}

/**
 * In simulated mode the LCP estimate depends on a race in the one unthrottled load: Lantern leaves
 * the framework's bootstrap (the first script evaluation of 10 ms or more) and its chunk's download
 * out of the LCP only when that evaluation started after the largest paint reached the screen.
 * Read from the load's trace: when each happened, in ms after navigation start, on the page's
 * main thread. docs/performance.md has what this showed.
 */
function bootstrapRace(tracePath) {
  const trace = JSON.parse(readFileSync(tracePath, 'utf8'))
  const events = Array.isArray(trace) ? trace : trace.traceEvents
  const navigation = events.find((event) => event.name === 'navigationStart' && event.args?.data?.documentLoaderURL?.startsWith('http'))
  if (!navigation) return null
  const onMainThread = (event) => event.pid === navigation.pid && event.tid === navigation.tid && event.ts >= navigation.ts
  const largestPaint = events.filter((event) => event.name === 'largestContentfulPaint::Candidate' && onMainThread(event)).at(-1)
  const bootstrap = events.find((event) => event.name === 'EvaluateScript' && (event.dur ?? 0) >= 10_000 && onMainThread(event))
  if (!largestPaint || !bootstrap) return null
  return { largestPaint: (largestPaint.ts - navigation.ts) / 1000, bootstrap: (bootstrap.ts - navigation.ts) / 1000 }
}

function medianSummary(runs) {
  const pick = (get) => median(runs.map(get))
  return {
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, pick((run) => run.scores[id])])),
    lcp: pick((run) => run.lcp),
    fcp: pick((run) => run.fcp),
    cls: pick((run) => run.cls),
    tbt: pick((run) => run.tbt),
    jsBytes: pick((run) => run.jsBytes),
    jsFiles: pick((run) => run.jsFiles),
    perfRange: [Math.min(...runs.map((run) => run.scores.performance)), Math.max(...runs.map((run) => run.scores.performance))],
    failing: [...new Set(runs.flatMap((run) => run.failing))],
    errored: [...new Set(runs.flatMap((run) => run.errored))],
    runWarnings: [...new Set(runs.flatMap((run) => run.runWarnings))],
  }
}

function printTable(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)))
  for (const [index, row] of rows.entries()) {
    console.log(
      `  ${row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('   ')}`,
    )
    if (index === 0) console.log(`  ${widths.map((width) => '─'.repeat(width)).join('   ')}`)
  }
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`
const ms = (value) => `${Math.round(value)} ms`

async function main() {
  const chromium = findChromium()
  const chromiumVersion = execFileSync(chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  const lighthouseVersion = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version
  const outDir = options.out ? path.resolve(options.out) : mkdtempSync(path.join(os.tmpdir(), 'journal-lighthouse-'))
  mkdirSync(outDir, { recursive: true })

  try {
    const results = await withStack({ quiet: true }, async ({ siteUrl, lakeUrl }) => {
      const flagship = await lakeQuery(lakeUrl, FLAGSHIP_QUERY, {}, { perspective: 'published' })
      if (!flagship) throw new Error('the demo content has no post using every block type')
      const pages = [
        { name: 'article', url: `${siteUrl}/blog/${flagship.slug}` },
        { name: 'baseline', url: `${siteUrl}/baseline/${flagship.slug}` },
      ]
      // Warm up, unmeasured: the baseline renders on its first request (ISR), and the lake resizes
      // each image rendition on its first request (then serves it from memory, like a CDN's cache).
      for (const page of pages) {
        const response = await fetch(page.url)
        if (!response.ok) throw new Error(`${page.url}: ${response.status}`)
        await response.text()
        await runLighthouse(page.url, chromium, path.join(outDir, `${page.name}-warm-up.json`))
      }
      console.log(
        `\nLighthouse ${lighthouseVersion}, mobile preset, ${THROTTLING} throttling: ${flagship.title} (/blog/${flagship.slug}), ${RUNS} runs per page`,
      )
      const runs = Object.fromEntries(pages.map((page) => [page.name, []]))
      for (let run = 1; run <= RUNS; run += 1) {
        // Alternate the pages so drift in the machine's load affects both alike.
        for (const page of run % 2 ? pages : [...pages].reverse()) {
          const reportPath = path.join(outDir, `${page.name}-${run}.json`)
          const summary = summarise(await runLighthouse(page.url, chromium, reportPath))
          // --save-assets writes the trace next to the report as <name>-0.trace.json
          summary.race = THROTTLING === 'simulate' ? bootstrapRace(reportPath.replace(/\.json$/u, '-0.trace.json')) : null
          runs[page.name].push(summary)
          const race = summary.race ? `; largest paint at ${ms(summary.race.largestPaint)}, bootstrap at ${ms(summary.race.bootstrap)}` : ''
          console.log(
            `  run ${run} ${page.name.padEnd(8)} performance ${summary.scores.performance}, LCP ${ms(summary.lcp)}, TBT ${ms(summary.tbt)}, JS ${kB(summary.jsBytes)}${race}`,
          )
        }
      }
      return { pages, runs, chromeVersion: runs.article[0].chromeVersion }
    })

    const article = medianSummary(results.runs.article)
    const baseline = medianSummary(results.runs.baseline)
    const diff = (a, b, format) => {
      const delta = a - b
      return `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${format(Math.abs(delta))}`
    }
    console.log(`\nMedians of ${RUNS} runs (${os.cpus().length} cores, Node ${process.version}, ${chromiumVersion})\n`)
    printTable([
      ['', 'article', 'baseline', 'difference'],
      ...CATEGORIES.map((id) => [id, article.scores[id], baseline.scores[id], diff(article.scores[id], baseline.scores[id], String)]),
      ['performance (min–max)', article.perfRange.join('–'), baseline.perfRange.join('–'), ''],
      ['LCP', ms(article.lcp), ms(baseline.lcp), diff(article.lcp, baseline.lcp, ms)],
      ['FCP', ms(article.fcp), ms(baseline.fcp), diff(article.fcp, baseline.fcp, ms)],
      ['CLS', article.cls.toFixed(3), baseline.cls.toFixed(3), diff(article.cls, baseline.cls, (value) => value.toFixed(3))],
      ['TBT', ms(article.tbt), ms(baseline.tbt), diff(article.tbt, baseline.tbt, ms)],
      ['JS transferred (gzip)', kB(article.jsBytes), kB(baseline.jsBytes), diff(article.jsBytes, baseline.jsBytes, kB)],
      ['JS files', article.jsFiles, baseline.jsFiles, diff(article.jsFiles, baseline.jsFiles, String)],
    ])
    if (THROTTLING === 'simulate') {
      const won = (name) => {
        const races = results.runs[name].map((run) => run.race).filter(Boolean)
        return `${races.filter((race) => race.largestPaint <= race.bootstrap).length} of ${races.length}`
      }
      console.log(
        `\nRuns whose largest paint came before the framework bootstrap started (Lantern then leaves the bootstrap out of the LCP): article ${won('article')}, baseline ${won('baseline')}`,
      )
    }
    for (const [name, summary] of [
      ['article', article],
      ['baseline', baseline],
    ]) {
      if (summary.failing.length > 0) {
        console.log(`\n${name}: audits below full marks in any run (accessibility, best practices, SEO)`)
        for (const line of summary.failing) console.log(`  ${line}`)
      }
      if (summary.errored.length > 0) {
        // Lighthouse 12's trace engine does not read every event newer Chromiums write; these
        // diagnostics are missing from the report, the category scores are not affected unless the weight is > 0.
        console.log(`\n${name}: audits Lighthouse could not run: ${summary.errored.join(', ')}`)
      }
      for (const warning of summary.runWarnings) console.log(`\n${name}: Lighthouse warning: ${warning}`)
    }
    console.log(`\nThe baseline is noindex by design, so its SEO score counts that against it.`)
    console.log(options.out ? `Reports: ${outDir}` : '(pass --out DIR to keep the JSON reports)')
  } finally {
    if (!options.out) rmSync(outDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(`\n✖ ${error.message}`)
  process.exit(1)
})
