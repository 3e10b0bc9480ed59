// Process helpers shared by the root scripts: free ports, child processes that die with us,
// and waiting for a server to answer.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(address.port))
    })
  })
}

/** A free port followed by `count - 1` more free ports (the local lake listens on those too). */
export async function freePortRange(count) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = await freePort()
    if (first + count > 65536) continue
    let free = true
    for (let port = first + 1; free && port < first + count; port++) free = await portIsFree(port)
    if (free) return first
  }
  throw new Error(`no ${count} consecutive free ports found`)
}

/** A port from the environment variable `name` (or `fallback`); anything but a port number stops with a message naming it. */
export function portFromEnv(name, fallback) {
  const raw = process.env[name]?.trim() || String(fallback)
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number, got "${raw}"`)
  return port
}

export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

// Nothing here may phone home: telemetry is off for every tool the scripts start.
const QUIET_TOOLS = { NEXT_TELEMETRY_DISABLED: '1', SANITY_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1' }

const children = new Set()
/** Children started as the leader of their own process group (`group: true`). */
const groupLeaders = new WeakSet()

/** Signals a child, or a group leader's whole group, so what it started in turn gets it too. */
function signal(child, name) {
  try {
    if (groupLeaders.has(child)) process.kill(-child.pid, name)
    else child.kill(name)
  } catch {
    // already gone
  }
}

function stopAll() {
  for (const child of children) {
    if (child.exitCode === null) signal(child, 'SIGTERM')
  }
}
process.on('exit', stopAll)
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll()
    process.exit(130)
  })
}

/** Runs a command to completion, inheriting stdio; rejects on a non-zero exit. */
export function run(command, args, { env = {}, cwd = ROOT, label = command } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...QUIET_TOOLS, ...process.env, ...env }, stdio: 'inherit' })
    children.add(child)
    child.on('exit', (code, signal) => {
      children.delete(child)
      if (code === 0) resolve()
      else reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`))
    })
    child.on('error', reject)
  })
}

const RECENT_LINES = 5000

/**
 * Starts a long-running process; its output is prefixed so interleaved logs stay readable. With
 * `group`, it leads a process group that stop() signals as a whole (for a script that starts
 * servers of its own, like npm run dev).
 */
export function startService(name, command, args, { env = {}, cwd = ROOT, quiet = false, group = false } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { ...QUIET_TOOLS, ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: group,
  })
  if (group) groupLeaders.add(child)
  children.add(child)
  // The last lines of output, even when quiet, so tests can check what a service logged.
  const recent = []
  const prefix = (stream, out) => {
    let buffer = ''
    stream.on('data', (chunk) => {
      buffer += chunk
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      recent.push(...lines)
      if (recent.length > RECENT_LINES) recent.splice(0, recent.length - RECENT_LINES)
      if (!quiet) for (const line of lines) out.write(`[${name}] ${line}\n`)
    })
  }
  prefix(child.stdout, process.stdout)
  prefix(child.stderr, process.stderr)
  child.on('exit', () => children.delete(child))
  return {
    child,
    /** the service's recent output lines (stdout and stderr) */
    output: () => recent.join('\n'),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        signal(child, 'SIGTERM')
        setTimeout(() => signal(child, 'SIGKILL'), 5000).unref()
      }),
  }
}

/** Polls a URL until it answers (any HTTP status) or the child exits or time runs out. */
export async function waitForHttp(url, { child, timeoutMs = 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`process exited (code ${child.exitCode}) before ${url} answered`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
      await response.arrayBuffer()
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 150))
    }
  }
  throw new Error(`timed out waiting for ${url}`)
}
