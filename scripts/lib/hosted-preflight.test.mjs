import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { checkHostedProject, hostedQueryUrl } from './hosted-preflight.mjs'
import { freePort, ROOT } from './processes.mjs'

describe('hostedQueryUrl', () => {
  it('is the query endpoint the site calls: project host, API version with one v, dataset', () => {
    expect(hostedQueryUrl({ projectId: 'abc123', dataset: 'staging', apiVersion: 'v2025-10-01' })).toBe(
      'https://abc123.api.sanity.io/v2025-10-01/data/query/staging?query=1',
    )
    expect(hostedQueryUrl({ projectId: 'abc123' })).toBe('https://abc123.api.sanity.io/v2025-10-01/data/query/production?query=1')
  })
})

describe('checkHostedProject', () => {
  let server
  let base
  beforeAll(async () => {
    server = createServer((request, response) => {
      const status = Number(new URL(request.url, 'http://x').pathname.slice(1))
      if (status === 200) return response.writeHead(200, { 'content-type': 'application/json' }).end('{"result":1}')
      if (status === 404) {
        return response
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { description: 'Project not found', type: 'httpError' } }))
      }
      response.writeHead(status, { 'content-type': 'text/html' }).end('<html>nope</html>')
    })
    const port = await freePort()
    await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${port}`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it('passes when the project answers', async () => {
    await expect(checkHostedProject({ projectId: 'abc123', url: `${base}/200` })).resolves.toBeUndefined()
  })

  it('names the project, the host, the answer and what to check, on one line', async () => {
    const error = await checkHostedProject({ projectId: 'abc123', dataset: 'staging', url: `${base}/404` }).catch((e) => e)
    expect(error.message).not.toContain('\n')
    expect(error.message).toContain('"abc123"')
    expect(error.message).toContain(new URL(base).host)
    expect(error.message).toContain('404: Project not found')
    expect(error.message).toContain('SANITY_DATASET ("staging")')
  })

  it('points at the token for 401 and 403', async () => {
    const error = await checkHostedProject({ projectId: 'abc123', url: `${base}/401` }).catch((e) => e)
    expect(error.message).toMatch(/answered 401: check SANITY_API_READ_TOKEN/)
  })

  it('names the network cause when nothing answers', async () => {
    const closed = await freePort()
    const error = await checkHostedProject({ projectId: 'abc123', url: `http://127.0.0.1:${closed}/` }).catch((e) => e)
    expect(error.message).toMatch(new RegExp(`^Cannot reach Sanity project "abc123" at 127\\.0\\.0\\.1:${closed} \\(ECONNREFUSED\\)`))
    expect(error.message).not.toContain('\n')
  })
})

describe('npm run build with a project that cannot be used', () => {
  // The real endpoint: offline it fails to resolve, online Sanity answers that there is no such
  // project. Either way the build must stop in one line that names the project, before building.
  it('stops before building, with one line naming the project', async () => {
    const child = spawn(process.execPath, ['scripts/build.mjs'], {
      cwd: ROOT,
      env: { ...process.env, SANITY_PROJECT_ID: 'journal-preflight-no-such-project', SANITY_DATASET: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const code = await new Promise((resolve) => child.on('exit', resolve))
    expect(code).toBe(1)
    const lines = output.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^✖ (Cannot reach Sanity project|Sanity project) "journal-preflight-no-such-project" at journal-preflight-no-such-project\.api\.sanity\.io/,
    )
    expect(output).not.toContain('turbo')
  }, 30_000)
})
