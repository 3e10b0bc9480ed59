import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture } from '../test-support/fixture.js'
import { startTestLake, TOKEN, type TestLake } from '../test-support/lake.js'
import { unusedPort } from '../test-support/receiver.js'
import { contentTarget } from './client.js'
import { runCli } from './main.js'
import { DEFAULT_DATASET_DIR } from './paths.js'

async function cli(argv: string[], env: NodeJS.ProcessEnv, stdin = '') {
  const out: string[] = []
  const err: string[] = []
  const outcome = await runCli(argv, { env, out: (line) => out.push(line), err: (line) => err.push(line), readStdin: async () => stdin })
  return { ...outcome, out: out.join('\n'), err: err.join('\n') }
}

describe('serve', () => {
  it('starts on the configured port and prints the URL', async () => {
    const fixture = await createFixture()
    try {
      const result = await cli(['serve'], { LOCAL_LAKE_PORT: '0', LOCAL_LAKE_DATASET: fixture.dir, LOCAL_LAKE_TOKEN: 't' })
      expect(result.code).toBe(0)
      expect(result.out).toMatch(/Local lake listening on http:\/\/127\.0\.0\.1:\d+/)
      expect(result.lake?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      await result.lake?.close()
    } finally {
      await fixture.cleanup()
    }
  })

  it('exits 1 with a message naming the problem', async () => {
    const badPort = await cli(['serve'], { LOCAL_LAKE_PORT: 'eighty' })
    expect(badPort.code).toBe(1)
    expect(badPort.err).toContain('LOCAL_LAKE_PORT must be a port number')
    const missing = await cli(['serve'], { LOCAL_LAKE_PORT: '0', LOCAL_LAKE_DATASET: '/nonexistent/seed' })
    expect(missing.err).toContain('dataset folder not found: /nonexistent/seed')

    const fixture = await createFixture()
    try {
      await writeFile(join(fixture.dir, 'data.ndjson'), '{"_id":"a","_type":"x"}\n{oops}\n')
      const malformed = await cli(['serve'], { LOCAL_LAKE_PORT: '0', LOCAL_LAKE_DATASET: fixture.dir })
      expect(malformed.code).toBe(1)
      expect(malformed.err).toContain('data.ndjson:2: invalid JSON')
      await writeFile(join(fixture.dir, 'hooks.json'), '{"not": "an array"}')
      const hooks = await cli(['serve'], {
        LOCAL_LAKE_PORT: '0',
        LOCAL_LAKE_DATASET: fixture.dir,
        LOCAL_LAKE_WEBHOOKS: 'hooks.json',
        INIT_CWD: fixture.dir,
      })
      expect(hooks.err).toContain('LOCAL_LAKE_WEBHOOKS')
    } finally {
      await fixture.cleanup()
    }
  })

  it('says so when the port is taken', async () => {
    const fixture = await createFixture()
    try {
      const first = await cli(['serve'], { LOCAL_LAKE_PORT: '0', LOCAL_LAKE_DATASET: fixture.dir })
      const port = new URL(String(first.lake?.url)).port
      const second = await cli(['serve'], { LOCAL_LAKE_PORT: port, LOCAL_LAKE_DATASET: fixture.dir })
      expect(second.code).toBe(1)
      expect(second.err).toContain(`port ${port} on 127.0.0.1 is already in use`)
      await first.lake?.close()
    } finally {
      await fixture.cleanup()
    }
  })

  it('defaults to the repository’s studio/seed, wherever it is run from', () => {
    const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
    expect(DEFAULT_DATASET_DIR).toBe(resolve(packageDir, '../../studio/seed'))
  })

  it('prints help', async () => {
    const help = await cli(['--help'], {})
    expect(help.code).toBe(0)
    expect(help.out).toContain('publish <id>')
    expect((await cli(['frobnicate'], {})).code).toBe(1)
  })
})

describe('content commands', () => {
  let t: TestLake
  let env: NodeJS.ProcessEnv
  let work: string
  beforeAll(async () => {
    t = await startTestLake()
    work = await mkdtemp(join(tmpdir(), 'local-lake-cli-'))
    env = { LOCAL_LAKE_URL: t.lake.url, LOCAL_LAKE_TOKEN: TOKEN, INIT_CWD: work }
  })
  afterAll(async () => {
    await t.stop()
    await rm(work, { recursive: true, force: true })
  })

  it('gets documents and runs queries', async () => {
    const got = await cli(['get', 'post-two'], env)
    expect(got.code).toBe(0)
    expect(JSON.parse(got.out)).toMatchObject({ _id: 'post-two', title: 'Desk neck' })
    const counted = await cli(['query', 'count(*[_type == $type])', '--params', '{"type":"post"}'], env)
    expect(counted.out).toBe('2')
    const drafts = await cli(['query', 'count(*[_type == "post"])', '--perspective', 'drafts'], env)
    expect(drafts.out).toBe('3')
    const missing = await cli(['get', 'nope'], env)
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('document "nope" not found')
  })

  it('creates from a file (relative to where npm was run) or stdin, and patches', async () => {
    await writeFile(join(work, 'cta.json'), JSON.stringify({ _id: 'cta-cli', _type: 'cta', headline: 'From a file' }))
    const created = await cli(['create', 'cta.json'], env)
    expect(created.out).toBe('created cta-cli')
    const piped = await cli(['create', '-', '--replace'], env, JSON.stringify([{ _id: 'cta-cli', _type: 'cta', headline: 'Piped' }]))
    expect(piped.out).toBe('updated cta-cli')
    const patched = await cli(['patch', 'cta-cli', '--set', '{"headline":"Patched","extra":1}', '--unset', 'extra'], env)
    expect(patched.code).toBe(0)
    expect(await t.client.fetch('*[_id == "cta-cli"][0]{headline, extra}')).toEqual({ headline: 'Patched', extra: null })
    expect((await cli(['patch', 'cta-cli'], env)).err).toContain('--set')
    expect((await cli(['patch', 'cta-cli', '--set', '{bad'], env)).err).toContain('not valid JSON')
  })

  it('publishing a renamed post keeps its old slug in previousSlugs, as Studio does', async () => {
    await t.authed
      .transaction()
      .createOrReplace({ _id: 'post-renamed', _type: 'post', title: 'Renamed', slug: { _type: 'slug', current: 'old-name' } })
      .createOrReplace({ _id: 'drafts.post-renamed', _type: 'post', title: 'Renamed', slug: { _type: 'slug', current: 'new-name' } })
      .commit({ visibility: 'sync' })
    expect((await cli(['publish', 'post-renamed'], env)).out).toBe('published post-renamed')
    expect(await t.client.fetch('*[_id == "post-renamed"][0]{"slug": slug.current, previousSlugs}')).toEqual({
      slug: 'new-name',
      previousSlugs: ['old-name'],
    })
    await t.authed.delete('post-renamed')
  })

  it('publishes, unpublishes and deletes the way Studio does', async () => {
    expect((await cli(['publish', 'post-one'], env)).out).toBe('published post-one')
    expect(await t.client.fetch('*[_id == "post-one"][0].title')).toBe('Quiet mind (draft)')
    expect(await t.authed.getDocument('drafts.post-one')).toBeUndefined()
    expect((await cli(['publish', 'post-one'], env)).err).toContain('nothing to publish')

    expect((await cli(['unpublish', 'post-two'], env)).code).toBe(0)
    expect(await t.client.getDocument('post-two')).toBeUndefined()
    expect((await t.authed.getDocument('drafts.post-two'))?.title).toBe('Desk neck')

    expect((await cli(['delete', 'post-new'], env)).out).toBe('deleted drafts.post-new')
    expect((await cli(['delete', 'post-new'], env)).err).toContain('nothing to delete')
  })

  it('explains an unreachable lake and a rejected token', async () => {
    const port = await unusedPort()
    const down = await cli(['get', 'post-two'], { LOCAL_LAKE_PORT: String(port) })
    expect(down.code).toBe(1)
    expect(down.err).toContain(`cannot reach the local lake at http://127.0.0.1:${port}; start it with npm run lake`)
    const rejected = await cli(['patch', 'post-one', '--set', '{"a":1}'], { LOCAL_LAKE_URL: t.lake.url, LOCAL_LAKE_TOKEN: 'wrong' })
    expect(rejected.err).toContain('LOCAL_LAKE_TOKEN')
  })

  it('targets the hosted lake when SANITY_PROJECT_ID is set', () => {
    const target = contentTarget({ SANITY_PROJECT_ID: 'abc123', SANITY_DATASET: 'staging', SANITY_API_WRITE_TOKEN: 'sk' })
    expect(target.hosted).toBe(true)
    expect(target.client.config()).toMatchObject({ projectId: 'abc123', dataset: 'staging', token: 'sk', useProjectHostname: true })
    expect(contentTarget({}, '/nonexistent/session.json').where).toBe('the local lake at http://127.0.0.1:3030')
  })

  it('reaches the lake `npm start` started, with its token, when the environment names none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lake-session-'))
    const file = join(dir, 'session.json')
    await writeFile(file, JSON.stringify({ url: 'http://127.0.0.1:4567', token: 'from-session' }))
    try {
      const target = contentTarget({}, file)
      expect(target.where).toBe('the local lake at http://127.0.0.1:4567')
      expect(target.client.config().token).toBe('from-session')
      // An explicit environment wins, and the session's token never goes to another lake.
      const other = contentTarget({ LOCAL_LAKE_URL: 'http://127.0.0.1:9999' }, file)
      expect(other.where).toBe('the local lake at http://127.0.0.1:9999')
      expect(other.client.config().token).toBeUndefined()
      expect(contentTarget({ LOCAL_LAKE_TOKEN: 'env' }, file).client.config().token).toBe('env')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
