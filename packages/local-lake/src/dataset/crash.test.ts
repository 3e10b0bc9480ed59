import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, FIXTURE_DOCUMENTS, type Fixture } from '../test-support/fixture.js'
import { TOKEN } from '../test-support/lake.js'
import { unusedPort } from '../test-support/receiver.js'
import { DATA_FILE, isTempDataFile } from './persist.js'

/*
 * The lake process killed (SIGKILL: no cleanup, as in a power cut or an OOM kill) while it writes
 * large transactions, again and again at random points. Each time, the dataset folder must still
 * load: every line parses, every acknowledged write is there, nothing half-written, and a restart
 * clears the temp file an interrupted write leaves. This runs the built CLI, as `npm run lake` does.
 */

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const WRITERS = 4
const PAYLOAD_BYTES = 256 * 1024
const ROUNDS = 6

interface Writer {
  id: string
  /** the last sequence number sent, and the last one the lake acknowledged */
  sent: number
  acked: number
}

let fixture: Fixture
let lake: ChildProcess | null = null

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the lake first (npm run build -w @journal/local-lake)`)
  fixture = await createFixture()
})

afterAll(async () => {
  if (lake && lake.exitCode === null) {
    lake.kill('SIGKILL')
    await new Promise((resolve) => lake?.once('exit', resolve))
  }
  await fixture?.cleanup()
})

async function startLakeProcess(port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOCAL_LAKE_PORT: String(port), LOCAL_LAKE_DATASET: fixture.dir, LOCAL_LAKE_TOKEN: TOKEN }
  delete env.LOCAL_LAKE_WEBHOOKS
  const child = spawn(process.execPath, [CLI, 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the lake exited with ${child.exitCode} on restart:\n${stderr}`)
    const up = await fetch(`http://127.0.0.1:${port}/v1/ping`).then(
      (response) => response.ok,
      () => false,
    )
    if (up) return child
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  child.kill('SIGKILL')
  throw new Error(`the lake did not answer within 20 s:\n${stderr}`)
}

/** Writes large documents one transaction after another until the lake stops answering. */
async function write(port: number, writer: Writer, stopped: () => boolean): Promise<void> {
  while (!stopped()) {
    const seq = writer.sent + 1
    writer.sent = seq
    const document = { _id: writer.id, _type: 'load', seq, payload: `${seq}:${'x'.repeat(PAYLOAD_BYTES)}` }
    const response = await fetch(`http://127.0.0.1:${port}/v2025-10-01/data/mutate/production`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ mutations: [{ createOrReplace: document }] }),
    }).catch(() => null)
    if (!response) return
    await response.arrayBuffer().catch(() => undefined)
    if (response.status === 200) writer.acked = seq
  }
}

function killWhen(child: ChildProcess, trigger: 'temp-file' | number): Promise<string> {
  return new Promise((resolve) => {
    const kill = (how: string) => {
      child.kill('SIGKILL')
      child.once('exit', () => resolve(how))
    }
    if (typeof trigger === 'number') {
      setTimeout(() => kill(`after ${trigger} ms`), trigger)
      return
    }
    // Kill while a write is between its temp file and the rename.
    const poll = setInterval(() => {
      void readdir(fixture.dir).then((names) => {
        if (names.some(isTempDataFile)) {
          clearInterval(poll)
          kill('while a temp file was being written')
        }
      })
    }, 1)
  })
}

async function readDataset(): Promise<Map<string, Record<string, unknown>>> {
  const documents = new Map<string, Record<string, unknown>>()
  const lines = (await readFile(join(fixture.dir, DATA_FILE), 'utf8')).split('\n')
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch {
      throw new Error(`data.ndjson line ${index + 1} does not parse: ${line.slice(0, 80)}…`)
    }
    const record = parsed as Record<string, unknown>
    expect(typeof record._id, `line ${index + 1}`).toBe('string')
    expect(typeof record._type, `line ${index + 1}`).toBe('string')
    documents.set(String(record._id), record)
  })
  return documents
}

describe('a lake killed while writing', () => {
  it(`keeps a loadable dataset with every acknowledged write, ${ROUNDS} kills in a row`, async () => {
    const port = await unusedPort()
    const writers: Writer[] = Array.from({ length: WRITERS }, (_, index) => ({ id: `load-${index}`, sent: 0, acked: 0 }))
    lake = await startLakeProcess(port)
    let interrupted = 0
    for (let round = 0; round < ROUNDS; round += 1) {
      const victim = lake
      let stopped = false
      const writing = Promise.all(writers.map((writer) => write(port, writer, () => stopped)))
      const trigger = round === 0 ? 'temp-file' : Math.round(50 + Math.random() * 750)
      const how = await killWhen(victim, trigger)
      stopped = true
      await writing
      const context = `round ${round + 1}, killed ${how}`

      const leftovers = (await readdir(fixture.dir)).filter(isTempDataFile)
      if (leftovers.length > 0) interrupted += 1
      const documents = await readDataset()
      for (const original of FIXTURE_DOCUMENTS)
        expect(documents.has(String(original._id)), `${context}: ${String(original._id)}`).toBe(true)
      for (const writer of writers) {
        const seq = Number(documents.get(writer.id)?.seq ?? 0)
        // Acknowledged means on disk; the one write in flight may or may not have made it.
        expect(seq, `${context}: ${writer.id} (acknowledged ${writer.acked}, sent ${writer.sent})`).toBeGreaterThanOrEqual(writer.acked)
        expect(seq, `${context}: ${writer.id}`).toBeLessThanOrEqual(writer.sent)
      }

      lake = await startLakeProcess(port)
      expect((await readdir(fixture.dir)).filter(isTempDataFile), `${context}: temp files after restart`).toEqual([])
      const served = await fetch(
        `http://127.0.0.1:${port}/v2025-10-01/data/query/production?query=${encodeURIComponent('*[_type == "load"]{_id, seq}')}`,
      )
      const result = ((await served.json()) as { result: { _id: string; seq: number }[] }).result
      for (const writer of writers) {
        expect(result.find((document) => document._id === writer.id)?.seq ?? 0, `${context}: served ${writer.id}`).toBe(
          Number(documents.get(writer.id)?.seq ?? 0),
        )
      }
    }
    expect(writers.every((writer) => writer.acked > 0)).toBe(true)
    // At least one kill landed mid-write (it left a temp file), so the restart's clean-up was exercised.
    expect(interrupted, 'kills that interrupted a write').toBeGreaterThan(0)
  }, 180_000)
})
