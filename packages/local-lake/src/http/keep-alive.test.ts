import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestLake, type TestLake } from '../test-support/lake.js'

/*
 * A GROQ query can hold the lake's event loop for seconds. If the server's keep-alive timer for an
 * idle connection expires meanwhile, Node runs it before reading what the client has already sent
 * on that connection, closes it, and the client's request fails with ECONNRESET (the fuzz test
 * saw a 500 from this). The lake keeps idle connections long enough that clients close them first.
 */

let t: TestLake
beforeAll(async () => {
  t = await startTestLake()
})
afterAll(() => t.stop())

function busyWait(ms: number): void {
  const until = Date.now() + ms
  while (Date.now() < until) {
    // the lake's event loop is blocked, as during a long query
  }
}

describe('keep-alive', () => {
  it('answers a request sent on an idle connection while the lake was busy past its old 5 s keep-alive', async () => {
    const { port } = new URL(t.lake.url)
    const socket = connect(Number(port), '127.0.0.1')
    const responses: string[] = []
    let closedEarly = false
    socket.on('data', (chunk: Buffer) => responses.push(chunk.toString()))
    socket.on('error', () => {
      closedEarly = true
    })
    socket.on('close', () => {
      if (responses.length < 2) closedEarly = true
    })
    const request = `GET /v1/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    socket.write(request)
    await new Promise((resolve) => setTimeout(resolve, 4_500))
    socket.write(request) // the client still considers the connection fresh
    busyWait(1_500) // ... but the lake is busy until after its old keep-alive timeout
    const answered = () => (responses.join('').match(/HTTP\/1\.1 200/gu) ?? []).length
    for (let waited = 0; waited < 10_000 && answered() < 2 && !closedEarly; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    socket.destroy()
    expect(closedEarly).toBe(false)
    expect(responses.join('').match(/HTTP\/1\.1 200/gu)).toHaveLength(2)
  }, 30_000)
})
