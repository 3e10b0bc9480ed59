// `next build` for benchmarks: timed, with the peak memory of its whole process tree, in a copy of
// apps/web so that a benchmark never overwrites (or reads) the .next folder another build or test
// is using at the same time.
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { freePort, ROOT, startService, waitForHttp } from './processes.mjs'
import { prepareStack, spawnLake } from './stack.mjs'

/**
 * Copies apps/web (without build output) to .bench/web: two levels below the root like
 * apps/web, so its tsconfig and node_modules resolve exactly as they do there.
 */
export function copyWebApp(target = path.join(ROOT, '.bench/web')) {
  rmSync(target, { recursive: true, force: true })
  const source = path.join(ROOT, 'apps/web')
  const skip = new Set(['.next', '.turbo', 'test-results', 'playwright-report', 'node_modules'])
  cpSync(source, target, {
    recursive: true,
    filter: (from) => !skip.has(path.relative(source, from).split(path.sep)[0] ?? ''),
  })
  return target
}

function childrenOf(pid) {
  const children = []
  let tasks = []
  try {
    tasks = readdirSync(`/proc/${pid}/task`)
  } catch {
    return children
  }
  for (const task of tasks) {
    try {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ')) {
        if (child.trim()) children.push(Number(child))
      }
    } catch {
      // the task ended while we looked
    }
  }
  return children
}

function rssBytes(pid) {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return 0
  }
}

/** Resident memory of a process and all its descendants (shared pages count once per process). */
export function treeRss(rootPid) {
  let total = 0
  let largest = 0
  const pending = [rootPid]
  while (pending.length > 0) {
    const pid = pending.pop()
    const rss = rssBytes(pid)
    total += rss
    largest = Math.max(largest, rss)
    pending.push(...childrenOf(pid))
  }
  return { total, largest }
}

/**
 * Runs `next build` in `webDir` and resolves with its wall time and the peak resident memory of
 * its process tree (the build, Turbopack and its workers), sampled every 100 ms from /proc (Linux;
 * elsewhere the memory figure is 0).
 */
function timedNextBuild({ webDir, env, quiet = true }) {
  const nextBin = path.join(ROOT, 'node_modules/next/dist/bin/next')
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [nextBin, 'build'], {
      cwd: webDir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
    })
    let output = ''
    child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)))
    child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)))
    let peak = { total: 0, largest: 0 }
    const sample = () => {
      const now = treeRss(child.pid)
      peak = { total: Math.max(peak.total, now.total), largest: Math.max(peak.largest, now.largest) }
    }
    const timer = setInterval(sample, 100)
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      clearInterval(timer)
      const ms = performance.now() - started
      if (code === 0) resolve({ ms, peakRss: peak.total, largestProcessRss: peak.largest, output })
      else reject(new Error(`next build failed (${signal ?? `exit code ${code}`}):\n${output}`))
    })
  })
}

/**
 * A dataset served by a local lake (with the site's revalidation webhook), the site built against
 * it in the copy of apps/web; with `serve`, `next start` too and `use` runs against the stack.
 */
export async function withBuiltStack({ datasetDir, webDir, serve }, use) {
  const [lakePort, sitePort] = [await freePort(), await freePort()]
  const work = mkdtempSync(path.join(tmpdir(), 'journal-bench-'))
  const services = []
  try {
    const { siteUrl, env } = prepareStack({ work, datasetDir, lakePort, sitePort })
    services.push(await spawnLake({ port: lakePort, env, quiet: true }))
    // A cold build each time, as on a fresh checkout or in CI: no compiler cache from the last one.
    rmSync(path.join(webDir, '.next'), { recursive: true, force: true })
    const build = await timedNextBuild({ webDir, env })
    if (!serve) return { build }
    const nextBin = path.join(ROOT, 'node_modules/next/dist/bin/next')
    services.push(
      startService('web', process.execPath, [nextBin, 'start', '-p', String(sitePort), '-H', '127.0.0.1'], {
        cwd: webDir,
        env,
        quiet: true,
      }),
    )
    await waitForHttp(`${siteUrl}/blog`, { child: services.at(-1).child, timeoutMs: 60_000 })
    return { build, ...(await use({ siteUrl, lakeUrl: `http://127.0.0.1:${lakePort}`, env })) }
  } finally {
    for (const service of services.reverse()) await service.stop()
    rmSync(work, { recursive: true, force: true })
  }
}
