import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { startLake } from '@journal/local-lake'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lakeMutate, lakeQuery } from './lake-client.mjs'

const TOKEN = 'scripts-test-token-0123456789'

describe('the scripts’ lake client, against a real local lake', () => {
  let lake
  let dir
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'journal-lake-client-'))
    const documents = [
      { _id: 'post-a', _type: 'post', title: 'A', slug: { _type: 'slug', current: 'a' } },
      { _id: 'post-b', _type: 'post', title: 'B', slug: { _type: 'slug', current: 'b' } },
    ]
    await writeFile(path.join(dir, 'data.ndjson'), documents.map((document) => JSON.stringify(document)).join('\n') + '\n')
    lake = await startLake({ port: 0, datasetDir: dir, token: TOKEN, log: () => undefined })
  })
  afterAll(async () => {
    await lake?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('runs a query with parameters of any type', async () => {
    expect(
      await lakeQuery(lake.url, '*[_type == $type && slug.current in $slugs] | order(title asc).title', {
        type: 'post',
        slugs: ['a', 'b'],
      }),
    ).toEqual(['A', 'B'])
  })

  it('commits a mutation with the token; drafts are read with the token and the drafts perspective only', async () => {
    const result = await lakeMutate(lake.url, TOKEN, [{ create: { _id: 'drafts.post-c', _type: 'post', title: 'C' } }])
    expect(result.results).toEqual([{ id: 'drafts.post-c', operation: 'create' }])
    expect(await lakeQuery(lake.url, '*[_id match "*post-c"].title')).toEqual([])
    expect(await lakeQuery(lake.url, '*[_id match "*post-c"].title', {}, { perspective: 'drafts', token: TOKEN })).toEqual(['C'])
  })

  it("fails with the lake's status and message", async () => {
    await expect(lakeQuery(lake.url, '*[')).rejects.toThrow(/^lake query failed: 400 .*/)
    await expect(lakeMutate(lake.url, 'wrong-token', [{ delete: { id: 'post-a' } }])).rejects.toThrow(/^mutation failed: 401/)
    expect(await lakeQuery(lake.url, 'count(*[_id == "post-a"])')).toBe(1)
  })
})
