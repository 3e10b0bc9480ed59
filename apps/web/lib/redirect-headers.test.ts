// @vitest-environment node
import { createServer, get, ServerResponse, type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, describe, expect, it } from 'vitest'

import { keepOneLocationHeader } from './redirect-headers'

/** A prototype of its own, so the test never patches the process's real ServerResponse. */
function responseClass() {
  return class TestResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {}
}

const servers: Array<ReturnType<typeof createServer>> = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

/** The raw header lines a client receives when `respond` writes the response. */
async function rawHeaders(ServerResponseClass: typeof ServerResponse, respond: (res: ServerResponse) => void) {
  const server = createServer({ ServerResponse: ServerResponseClass }, (_req, res) => {
    respond(res)
    res.end()
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return new Promise<{ raw: string[]; headers: IncomingHttpHeaders }>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/' }, (response) => {
      response.resume()
      response.on('end', () => resolve({ raw: response.rawHeaders, headers: response.headers }))
    }).on('error', reject)
  })
}

const named = (raw: string[], name: string) => raw.filter((line, index) => index % 2 === 0 && line.toLowerCase() === name).length

// What Next does for a rendered redirect: set while rendering, then appended with the cached headers.
const nextRedirect = (res: ServerResponse) => {
  res.statusCode = 308
  res.setHeader('location', '/blog/new-slug')
  res.appendHeader('location', '/blog/new-slug')
  res.appendHeader('x-nextjs-cache', 'MISS')
}

describe('keepOneLocationHeader', () => {
  it('sends a rendered redirect with one Location (two without it)', async () => {
    const Plain = responseClass()
    expect(named((await rawHeaders(Plain, nextRedirect)).raw, 'location')).toBe(2)

    const Patched = responseClass()
    keepOneLocationHeader(Patched.prototype)
    const { raw, headers } = await rawHeaders(Patched, nextRedirect)
    expect(named(raw, 'location')).toBe(1)
    expect(headers.location).toBe('/blog/new-slug')
    expect(headers['x-nextjs-cache']).toBe('MISS')
  })

  it('appends a Location the response does not have yet', async () => {
    const Patched = responseClass()
    keepOneLocationHeader(Patched.prototype)
    const { headers } = await rawHeaders(Patched, (res) => {
      res.statusCode = 307
      res.appendHeader('Location', '/blog')
    })
    expect(headers.location).toBe('/blog')
  })

  it('leaves other repeated headers and a different Location alone', async () => {
    const Patched = responseClass()
    keepOneLocationHeader(Patched.prototype)
    const { raw } = await rawHeaders(Patched, (res) => {
      res.setHeader('location', '/a')
      res.appendHeader('location', '/b')
      res.appendHeader('set-cookie', 'a=1')
      res.appendHeader('set-cookie', 'a=1')
    })
    expect(named(raw, 'location')).toBe(2)
    expect(named(raw, 'set-cookie')).toBe(2)
  })

  it('patches a prototype once, however often it is called', () => {
    const Patched = responseClass()
    keepOneLocationHeader(Patched.prototype)
    const once = Patched.prototype.appendHeader
    keepOneLocationHeader(Patched.prototype)
    expect(Patched.prototype.appendHeader).toBe(once)
  })
})
