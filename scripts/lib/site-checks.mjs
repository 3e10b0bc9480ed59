// Helpers for the system tests that run against a whole stack (scripts/system): HTTP requests that
// never hang, signed webhooks, stand-in content sources, polling, and check(), an assertion with
// a message.
import { createServer } from 'node:http'

import { encodeSignatureHeader } from '@sanity/webhook'

/** GET with a hard limit: a request that does not complete is reported, never waited on forever. */
export async function get(url, { timeoutMs = 60_000, headers = {} } = {}) {
  const started = performance.now()
  const response = await fetch(url, { redirect: 'manual', headers, signal: AbortSignal.timeout(timeoutMs) })
  const text = await response.text()
  return { status: response.status, text, headers: response.headers, ms: performance.now() - started }
}

/** Posts a revalidation webhook signed like Sanity's (and the lake's), without needing the lake. */
export async function sendWebhook(siteUrl, secret, body) {
  const text = JSON.stringify(body)
  const signature = await encodeSignatureHeader(text, Date.now(), secret)
  const response = await fetch(`${siteUrl}/api/revalidate`, {
    method: 'POST',
    body: text,
    headers: { 'content-type': 'application/json', 'sanity-webhook-signature': signature },
    signal: AbortSignal.timeout(30_000),
  })
  return { status: response.status, body: await response.text() }
}

/**
 * Something else answering on the lake's port: `error` answers every request with a 500 in
 * Sanity's error shape, `hang` accepts connections and never answers. close() drops every socket.
 */
export async function fakeSource(port, mode) {
  let requests = 0
  const sockets = new Set()
  const server = createServer((request, response) => {
    requests += 1
    if (mode === 'error') {
      response
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ statusCode: 500, error: 'Internal Server Error', message: 'simulated outage' }))
    }
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  return {
    requests: () => requests,
    /** Connections the site still holds open to this source. */
    openSockets: () => sockets.size,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls until `check` returns true; false when `timeoutMs` passed first. */
export async function eventually(check, { timeoutMs = 20_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await sleep(intervalMs)
  }
  return false
}

export class CheckError extends Error {
  name = 'CheckError'
}

export function check(condition, message) {
  if (!condition) throw new CheckError(message)
}
