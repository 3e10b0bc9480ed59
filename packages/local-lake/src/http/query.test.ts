import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBody, structuredError } from '../test-support/bodies.js'
import { clientFor, startTestLake, TOKEN, type TestLake } from '../test-support/lake.js'

let t: TestLake
const logLines: string[] = []

beforeAll(async () => {
  t = await startTestLake({ log: (line) => logLines.push(line), maxBodyBytes: 64 * 1024 })
})
afterAll(() => t.stop())

const dataUrl = (path: string): string => `${t.lake.url}/v2025-10-01/data/${path}`

describe('query endpoint', () => {
  it('answers GET queries with params, in Sanity’s response shape', async () => {
    const response = await t.client.fetch(
      '*[_type == "post" && slug.current == $slug][0]{title, "author": author->name}',
      { slug: 'quiet-mind' },
      { filterResponse: false },
    )
    expect(response.result).toEqual({ title: 'Quiet mind', author: 'Maya' })
    expect(response.query).toContain('slug.current == $slug')
    expect(typeof response.ms).toBe('number')
    expect(logLines.some((line) => line.startsWith('GET /v2025-10-01/data/query/production?') && line.includes(' 200 '))).toBe(true)
  })

  it('answers long queries, which the client sends as POST', async () => {
    const slugs = Array.from({ length: 800 }, (_, index) => `slug-number-${index}`)
    slugs.push('desk-neck')
    const before = logLines.length
    const titles = await t.client.fetch<string[]>('*[_type == "post" && slug.current in $slugs].title', { slugs })
    expect(titles).toEqual(['Desk neck'])
    expect(logLines.slice(before).some((line) => line.startsWith('POST /v2025-10-01/data/query/production'))).toBe(true)
  })

  it('resolves images to synthesized asset documents', async () => {
    const image = await t.client.fetch('*[_id == "post-one"][0].mainImage{alt, asset->{_type, url, mimeType, metadata}}')
    expect(image.alt).toBe('Stones')
    expect(image.asset._type).toBe('sanity.imageAsset')
    expect(image.asset.mimeType).toBe('image/jpeg')
    expect(image.asset.url).toMatch(new RegExp(`^${t.lake.url}/images/local/production/[0-9a-f]{40}-400x300\\.jpg$`))
    expect(image.asset.metadata.dimensions).toEqual({ _type: 'sanity.imageDimensions', width: 400, height: 300, aspectRatio: 400 / 300 })
    expect(image.asset.metadata.lqip).toMatch(/^data:image\/jpeg;base64,/)
  })

  it('reports a syntax error as 400 queryParseError, with the position', async () => {
    const response = await fetch(dataUrl(`query/production?query=${encodeURIComponent('*[_type == "post"]{title')}`))
    expect(response.status).toBe(400)
    const error = structuredError(await readBody(response))
    expect(error).toMatchObject({ type: 'queryParseError', query: '*[_type == "post"]{title' })
    // The error is at the unterminated projection, not at the start of the query.
    expect(error.start).toBeGreaterThan(17)
    expect(error.end).toBeGreaterThanOrEqual(error.start ?? 0)
    await expect(t.client.fetch('*[_type == ')).rejects.toMatchObject({ statusCode: 400 })
  })

  it('rejects missing params, unknown functions and malformed param JSON with 400', async () => {
    const missing = await fetch(dataUrl(`query/production?query=${encodeURIComponent('*[slug.current == $slug]')}`))
    expect(missing.status).toBe(400)
    expect(structuredError(await readBody(missing))).toMatchObject({
      description: 'param $slug referenced, but not provided',
      start: 18,
      end: 23,
    })
    const unknownFunction = await fetch(dataUrl(`query/production?query=${encodeURIComponent('*[nope::fn()]')}`))
    expect(unknownFunction.status).toBe(400)
    const badParam = await fetch(dataUrl(`query/production?query=${encodeURIComponent('*[slug.current == $slug]')}&$slug=unquoted`))
    expect(badParam.status).toBe(400)
    expect((await readBody(badParam)).message).toContain('$slug')
  })

  it('reports an evaluation error as 400 without taking the lake down', async () => {
    const response = await fetch(dataUrl(`query/production?query=${encodeURIComponent('*[_type == "post"]{"at": geo::latLng(1, 2)}')}`))
    expect(response.status).toBe(400)
    expect(structuredError(await readBody(response)).type).toBe('queryExecutionError')
  })

  it('rejects a malformed POST body with 400 and an oversized one with 413', async () => {
    const malformed = await fetch(dataUrl('query/production'), {
      method: 'POST',
      body: '{"query": ',
      headers: { 'content-type': 'application/json' },
    })
    expect(malformed.status).toBe(400)
    const noQuery = await fetch(dataUrl('query/production'), { method: 'POST', body: '{"params": {}}' })
    expect(noQuery.status).toBe(400)
    const huge = JSON.stringify({ query: '*', params: { padding: 'x'.repeat(100 * 1024) } })
    const oversized = await fetch(dataUrl('query/production'), { method: 'POST', body: huge })
    expect(oversized.status).toBe(413)
    expect((await readBody(oversized)).statusCode).toBe(413)
  })
})

describe('perspectives and tokens', () => {
  it('serves only published documents by default, never ids with a dot', async () => {
    const ids = await t.client.fetch<string[]>('*[_type == "post"]._id')
    expect(ids.sort()).toEqual(['post-one', 'post-two'])
    expect(await t.client.fetch('count(*[_id in path("drafts.**") || _id in path("versions.**")])')).toBe(0)
    // Even a token does not reveal drafts in the published perspective.
    expect(await t.authed.fetch('count(*[_id in path("drafts.**")])', {}, { perspective: 'published' })).toBe(0)
  })

  it('overlays drafts in the drafts perspective, with _originalId', async () => {
    const posts = await t.authed.fetch<{ _id: string; _originalId: string; title: string; author: string | null }[]>(
      '*[_type == "post"] | order(_id asc){_id, _originalId, title, "author": author->name}',
      {},
      { perspective: 'drafts' },
    )
    expect(posts).toEqual([
      { _id: 'post-new', _originalId: 'drafts.post-new', title: 'Brand new', author: null },
      { _id: 'post-one', _originalId: 'drafts.post-one', title: 'Quiet mind (draft)', author: 'Maya' },
      { _id: 'post-two', _originalId: 'post-two', title: 'Desk neck', author: 'Maya' },
    ])
  })

  it('shows everything in the raw perspective, and honours perspective stacks', async () => {
    const raw = await t.authed.fetch<string[]>('*[_type == "post"]._id', {}, { perspective: 'raw' })
    expect(raw.sort()).toEqual(['drafts.post-new', 'drafts.post-one', 'post-one', 'post-two', 'versions.spring.post-two'])
    const stacked = await t.authed.fetch('*[_id == "post-two"][0]{title, _originalId}', {}, { perspective: ['spring', 'drafts'] })
    expect(stacked).toEqual({ title: 'Desk neck (spring release)', _originalId: 'versions.spring.post-two' })
  })

  it('refuses drafts and raw without a token, and any wrong token, with 401', async () => {
    await expect(t.client.fetch('*', {}, { perspective: 'drafts' })).rejects.toMatchObject({ statusCode: 401 })
    await expect(t.client.fetch('*', {}, { perspective: 'raw' })).rejects.toMatchObject({ statusCode: 401 })
    const wrong = clientFor(t.lake, `${TOKEN}-nope`)
    await expect(wrong.fetch('count(*)')).rejects.toMatchObject({ statusCode: 401 })
    const response = await fetch(dataUrl(`query/production?query=1&perspective=drafts`))
    expect(await readBody(response)).toMatchObject({ statusCode: 401, error: 'Unauthorized' })
  })

  it('defaults to raw for API versions before 2025-02-19 when a token is sent, as Sanity does', async () => {
    const query = encodeURIComponent('count(*[_id in path("drafts.**")])')
    const legacy = await fetch(`${t.lake.url}/v2021-10-21/data/query/production?query=${query}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    })
    expect((await readBody(legacy)).result).toBe(2)
    const anonymous = await fetch(`${t.lake.url}/v2021-10-21/data/query/production?query=${query}`)
    expect((await readBody(anonymous)).result).toBe(0)
  })
})

describe('doc endpoint', () => {
  it('returns documents by id and lists the rest as omitted', async () => {
    const response = await fetch(dataUrl('doc/production/post-one,nope,drafts.post-one'))
    expect(response.status).toBe(200)
    const body = await readBody(response)
    expect(body.documents?.map((document) => document._id)).toEqual(['post-one'])
    expect(body.omitted).toEqual([
      { id: 'nope', reason: 'existence' },
      { id: 'drafts.post-one', reason: 'permission' },
    ])
  })

  it('works with getDocument and getDocuments, drafts needing the token', async () => {
    expect((await t.client.getDocument('post-two'))?.title).toBe('Desk neck')
    expect(await t.client.getDocument('drafts.post-one')).toBeUndefined()
    expect((await t.authed.getDocument('drafts.post-one'))?.title).toBe('Quiet mind (draft)')
    const [one, missing] = await t.client.getDocuments(['post-one', 'missing'])
    expect(one?._id).toBe('post-one')
    expect(missing).toBeNull()
  })
})

describe('routing and robustness', () => {
  it('answers unknown datasets, routes and methods with JSON errors', async () => {
    const otherDataset = await fetch(`${t.lake.url}/v2025-10-01/data/query/staging?query=1`)
    expect(otherDataset.status).toBe(404)
    expect((await readBody(otherDataset)).message).toContain('staging')
    const unknown = await fetch(`${t.lake.url}/v1/nothing/here`)
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('content-type')).toContain('application/json')
    const wrongMethod = await fetch(dataUrl('doc/production/post-one'), { method: 'DELETE' })
    expect(wrongMethod.status).toBe(405)
    const badEncoding = await fetch(dataUrl('doc/production/%E0%A4%A'))
    expect(badEncoding.status).toBe(400)
  })

  it('allows cross-origin reads of public content but never offers tokens or mutations to an unknown page', async () => {
    const read = await fetch(dataUrl('query/production?query=1'), { headers: { origin: 'http://localhost:3333' } })
    expect(read.headers.get('access-control-allow-origin')).toBe('*')
    const preflight = await fetch(dataUrl('query/production'), { method: 'OPTIONS' })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type')
    // Only the Studio origins a lake is started with may send its token (see studio-api.test.ts).
    expect(preflight.headers.get('access-control-allow-headers')).not.toContain('authorization')
    const mutatePreflight = await fetch(dataUrl('mutate/production'), { method: 'OPTIONS' })
    expect(mutatePreflight.headers.get('access-control-allow-origin')).toBeNull()
    expect(mutatePreflight.headers.get('access-control-allow-methods')).toBeNull()
  })

  it('keeps serving after bad input', async () => {
    const ping = await fetch(`${t.lake.url}/v1/ping`)
    expect(await ping.text()).toBe('PONG')
  })
})
