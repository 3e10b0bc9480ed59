import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_DOCUMENT_DEPTH, MAX_REQUEST_DEPTH } from '../store/depth.js'
import { readBody } from '../test-support/bodies.js'
import { startTestLake, TOKEN, type TestLake } from '../test-support/lake.js'

/*
 * What a hostile or broken client can send: every one of these is a 4xx, changes nothing, and the
 * lake keeps serving. (Malformed and oversized query bodies are covered in query.test.ts.)
 */

let t: TestLake
beforeAll(async () => {
  t = await startTestLake({ maxBodyBytes: 64 * 1024 })
})
afterAll(() => t.stop())

const dataUrl = (path: string): string => `${t.lake.url}/v2025-10-01/data/${path}`

async function mutateRaw(body: string) {
  const response = await fetch(dataUrl('mutate/production'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body,
  })
  return { status: response.status, body: await readBody(response) }
}

/** JSON text of `levels` nested arrays: built as text, since JSON.stringify itself would overflow. */
const deepJson = (levels: number): string => `${'['.repeat(levels)}1${']'.repeat(levels)}`

function nestedObject(levels: number): unknown {
  let value: unknown = 'leaf'
  for (let level = 0; level < levels; level += 1) value = { child: value }
  return value
}

describe('request limits', () => {
  it('refuses a malformed or empty mutate body with 400 and an oversized one with 413', async () => {
    expect((await mutateRaw('{"mutations": [')).status).toBe(400)
    expect((await mutateRaw('')).status).toBe(400)
    expect((await mutateRaw('[1, 2]')).status).toBe(400)
    const oversized = await mutateRaw(
      JSON.stringify({ mutations: [{ create: { _id: 'big', _type: 'note', text: 'x'.repeat(65 * 1024) } }] }),
    )
    expect(oversized.status).toBe(413)
    expect(await t.client.getDocument('big')).toBeUndefined()
  })

  it('refuses bodies and params nested deeper than the lake can walk with 400', async () => {
    const deepBody = await mutateRaw(`{"mutations": [{"create": {"_id": "deep", "_type": "note", "value": ${deepJson(20_000)}}}]}`)
    expect(deepBody.status).toBe(400)
    expect(deepBody.body.message).toContain(`more than ${MAX_REQUEST_DEPTH} levels deep`)
    const deepQuery = await fetch(dataUrl('query/production'), {
      method: 'POST',
      body: `{"query": "$p", "params": {"p": ${deepJson(20_000)}}}`,
    })
    expect(deepQuery.status).toBe(400)
    const deepParam = await fetch(`${dataUrl('query/production')}?query=$p&$p=${encodeURIComponent(deepJson(1000))}`)
    expect(deepParam.status).toBe(400)
    expect(await t.client.getDocument('deep')).toBeUndefined()
  })

  it(`refuses a document nested more than ${MAX_DOCUMENT_DEPTH} levels, also when patches build it up`, async () => {
    const tooDeep = await mutateRaw(
      JSON.stringify({ mutations: [{ create: { _id: 'deep-doc', _type: 'note', value: nestedObject(MAX_DOCUMENT_DEPTH) } }] }),
    )
    expect(tooDeep.status).toBe(400)
    const fine = await mutateRaw(
      JSON.stringify({ mutations: [{ create: { _id: 'deep-doc', _type: 'note', value: nestedObject(MAX_DOCUMENT_DEPTH - 2) } }] }),
    )
    expect(fine.status).toBe(200)
    // Each patch is shallow on its own; together they would nest the document past the limit.
    const path = Array.from({ length: MAX_DOCUMENT_DEPTH - 2 }, () => 'child').join('.')
    const patched = await mutateRaw(JSON.stringify({ mutations: [{ patch: { id: 'deep-doc', set: { [path]: nestedObject(10) } } }] }))
    expect(patched.status).toBe(400)
    const stored = await t.authed.getDocument('deep-doc')
    expect(JSON.stringify(stored?.value)).toBe(JSON.stringify(nestedObject(MAX_DOCUMENT_DEPTH - 2)))
  })

  it('keeps serving afterwards', async () => {
    expect(await t.client.fetch('count(*[_type == "post"])')).toBeGreaterThan(0)
  })
})
