/*
 * What a local lake adds for Sanity Studio beyond content: who may call it from a browser, the
 * session a Studio signs in with, the extra ports for event streams, and the project and user
 * endpoints the Studio asks about.
 */
import { connect, createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LakeConfigError } from '../lake.js'
import { startTestLake, TOKEN, type TestLake } from '../test-support/lake.js'

const STUDIO = 'http://127.0.0.1:3333'
let t: TestLake
beforeAll(async () => {
  t = await startTestLake({ studioOrigins: [STUDIO, 'http://localhost:3333'], listenPorts: 2 })
})
afterAll(() => t.stop())

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.lake.url}${path}`, { headers })
const authed = { authorization: `Bearer ${TOKEN}` }

describe('browser access', () => {
  it('lets a Studio origin send its token and write; other pages only read public content', async () => {
    const studioPreflight = await fetch(`${t.lake.url}/v2025-02-19/data/actions/production`, {
      method: 'OPTIONS',
      headers: { origin: STUDIO },
    })
    expect(studioPreflight.headers.get('access-control-allow-origin')).toBe(STUDIO)
    expect(studioPreflight.headers.get('access-control-allow-headers')).toContain('authorization')
    expect(studioPreflight.headers.get('access-control-allow-headers')).toContain('x-sanity-project-id')
    const read = await get('/v2025-02-19/data/query/production?query=1', { origin: STUDIO })
    expect(read.headers.get('access-control-allow-origin')).toBe(STUDIO)
    expect(read.headers.get('vary')).toContain('origin')

    const strangerPreflight = await fetch(`${t.lake.url}/v2025-02-19/data/actions/production`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    })
    expect(strangerPreflight.headers.get('access-control-allow-origin')).toBeNull()
    const strangerUpload = await fetch(`${t.lake.url}/v2025-02-19/assets/images/production`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    })
    expect(strangerUpload.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('gives the session only to the Studio origins it was started with', async () => {
    const session = await get('/local-lake/session', { origin: STUDIO })
    expect(session.status).toBe(200)
    expect(session.headers.get('cache-control')).toBe('no-store')
    const body = (await session.json()) as { token: string; user: { id: string; roles: { name: string }[] }; origins: string[] }
    expect(body.token).toBe(TOKEN)
    expect(body.user.roles.map((role) => role.name)).toContain('administrator')
    expect(body.origins[0]).toBe(t.lake.url)
    expect(body.origins).toHaveLength(3)
    expect(new Set(body.origins).size).toBe(3)
    // Every port answers the same API.
    for (const origin of body.origins) expect(await (await fetch(`${origin}/v1/ping`)).text()).toBe('PONG')

    expect((await get('/local-lake/session')).status).toBe(403)
    expect((await get('/local-lake/session', { origin: 'https://evil.example' })).status).toBe(403)
  })

  it('listens on the ports after its own, and says so when one is taken', async () => {
    // A blocker holds a port; a lake asked for the port before it must fail on its listen port.
    // (Tried a few times in case the port before the blocker is itself taken by something else.)
    for (let attempt = 0; ; attempt++) {
      const blocker = createServer()
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
      const taken = (blocker.address() as { port: number }).port
      try {
        const error = await startTestLake({ port: taken - 1, listenPorts: 2 }).catch((caught: unknown) => caught)
        expect(error).toBeInstanceOf(LakeConfigError)
        if (String(error).includes(`port ${taken - 1} `) && attempt < 5) continue
        expect(String(error)).toContain(`port ${taken}`)
        expect(String(error)).toContain('event streams')
        return
      } finally {
        blocker.close()
      }
    }
  })

  it('refuses requests addressed to a host name that is not loopback (DNS rebinding)', async () => {
    const status = await new Promise<string>((resolve, reject) => {
      const socket = connect(t.lake.port, '127.0.0.1', () => {
        socket.write('GET /v2025-02-19/data/query/production?query=1 HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n')
      })
      let text = ''
      socket.on('data', (chunk) => (text += chunk.toString()))
      socket.on('end', () => resolve(text.split('\r\n')[0] ?? ''))
      socket.on('error', reject)
    })
    expect(status).toBe('HTTP/1.1 403 Forbidden')
    expect((await fetch(`http://localhost:${t.lake.port}/v1/ping`)).status).toBe(200)
  })

  it('accepts the presence socket and keeps it open, and refuses other upgrades', async () => {
    const upgrade = (path: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(t.lake.port, '127.0.0.1', () => {
          socket.write(
            `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
          )
        })
        socket.once('data', (chunk) => {
          resolve(chunk.toString())
          socket.destroy()
        })
        socket.on('close', () => resolve('closed'))
        socket.on('error', () => resolve('closed'))
      })
    const accepted = await upgrade('/v2022-06-30/socket/production?tag=sanity.studio')
    expect(accepted).toContain('101 Switching Protocols')
    // The accept key for the RFC 6455 example nonce, from the RFC itself.
    expect(accepted).toContain('Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=')
    expect(await upgrade('/v2025-02-19/data/query/production')).toBe('closed')
  })
})

describe('the Live Content API', () => {
  it('welcomes a subscriber and asks it to refetch after each transaction, once', async () => {
    const url = `${t.lake.url}/v2025-02-19/data/live/events/production?includeDrafts=true`
    const controller = new AbortController()
    const response = await fetch(url, { headers: authed, signal: controller.signal })
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    let text = ''
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) text += new TextDecoder().decode((await reader.read()).value)
    }
    await until(/event: welcome/)
    await fetch(`${t.lake.url}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: { ...authed, 'content-type': 'application/json' },
      body: JSON.stringify({ mutations: [{ create: { _id: 'live-a', _type: 'thing' } }, { create: { _id: 'live-b', _type: 'thing' } }] }),
    })
    await until(/event: restart/)
    controller.abort()
    expect(text.match(/event: restart/g)).toHaveLength(1)
    expect((await fetch(url)).status).toBe(401)
    expect(await (await get('/v2025-02-19/check/cors', { origin: STUDIO })).json()).toEqual({
      result: { allowed: true, withCredentials: false },
    })
  })
})

describe('project and user endpoints', () => {
  it('knows the local editor only with the token', async () => {
    const me = await get('/v2026-05-04/users/me', authed)
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({ id: 'p-local-editor', roles: [{ name: 'administrator' }] })
    expect((await get('/v2026-05-04/users/me')).status).toBe(401)
  })

  it('grants everything with the token and reading published documents without', async () => {
    const withToken = (await (await get('/v2021-06-07/projects/local/datasets/production/acl', authed)).json()) as {
      filter: string
      permissions: string[]
    }[]
    expect(withToken[0]?.permissions).toEqual(expect.arrayContaining(['read', 'create', 'update', 'history']))
    const anonymous = (await (await get('/v2021-06-07/projects/local/datasets/production/acl')).json()) as { permissions: string[] }[]
    expect(anonymous.flatMap((grant) => grant.permissions)).toEqual(['read'])
    expect((await get('/v2021-06-07/projects/other/datasets/production/acl', authed)).status).toBe(404)
  })

  it('keeps Studio preferences for the editor', async () => {
    const put = await fetch(`${t.lake.url}/v2025-02-19/users/me/keyvalue`, {
      method: 'PUT',
      headers: { ...authed, 'content-type': 'application/json' },
      body: JSON.stringify([{ key: 'studio.timezone', value: 'Europe/Oslo' }]),
    })
    expect(put.status).toBe(200)
    const read = await get('/v2025-02-19/users/me/keyvalue/studio.timezone,studio.other', authed)
    expect(await read.json()).toEqual([
      { key: 'studio.timezone', value: 'Europe/Oslo' },
      { key: 'studio.other', value: null },
    ])
    expect((await get('/v2025-02-19/users/me/keyvalue/studio.timezone')).status).toBe(401)
  })

  it('answers the onboarding, telemetry and schema endpoints without collecting anything', async () => {
    expect(await (await get('/v2025-02-19/intake/telemetry-status', authed)).json()).toEqual({ status: 'denied' })
    expect(await (await get('/v2025-02-19/journey/trial')).json()).toBeNull()
    expect(await (await get('/v2025-02-19/projects/local/datasets?datasetProfile=comments')).json()).toEqual([])
    const claim = await fetch(`${t.lake.url}/v2025-02-19/descriptors/claim`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"descriptorId":"x","contextKey":"y"}',
    })
    expect(await claim.json()).toMatchObject({ synchronization: { type: 'complete' } })
    expect((await get('/v2025-02-19/projects/local/nonsense')).status).toBe(404)
  })
})
