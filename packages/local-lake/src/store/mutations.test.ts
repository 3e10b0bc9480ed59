import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLake } from '../lake.js'
import { readBody, structuredError } from '../test-support/bodies.js'
import { clientFor, startTestLake, TOKEN, type TestLake } from '../test-support/lake.js'

let t: TestLake
beforeAll(async () => {
  t = await startTestLake()
})
afterAll(() => t.stop())

const dataFile = (): Promise<string> => readFile(join(t.dir, 'data.ndjson'), 'utf8')
const fileDocuments = async (): Promise<Record<string, unknown>[]> =>
  (await dataFile())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)

async function mutate(body: unknown, query = '', token: string | null = TOKEN) {
  const response = await fetch(`${t.lake.url}/v2025-10-01/data/mutate/production${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: await readBody(response) }
}

describe('create, createOrReplace, createIfNotExists', () => {
  it('creates a document with system fields and makes it queryable', async () => {
    const created = await t.authed.create({ _id: 'cta-new', _type: 'cta', headline: 'Hello' })
    expect(created).toMatchObject({ _id: 'cta-new', _type: 'cta', headline: 'Hello' })
    expect(created._rev).toMatch(/^[A-Za-z0-9]{22}$/)
    expect(Date.parse(created._createdAt)).toBeGreaterThan(Date.now() - 60_000)
    expect(created._updatedAt).toBe(created._createdAt)
    expect(await t.client.fetch('*[_id == "cta-new"][0].headline')).toBe('Hello')
  })

  it('generates ids, also under a prefix ending in a dot', async () => {
    const generated = await t.authed.create({ _type: 'category', title: 'Generated' })
    expect(generated._id).toMatch(/^[0-9a-f-]{36}$/)
    const draft = await t.authed.create({ _id: 'drafts.', _type: 'category', title: 'Draft' })
    expect(draft._id).toMatch(/^drafts\.[0-9a-f-]{36}$/)
  })

  it('refuses to create an existing document with 409 and a mutationError', async () => {
    const error = await t.authed.create({ _id: 'post-two', _type: 'post' }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ statusCode: 409 })
    const { status, body } = await mutate({ mutations: [{ create: { _id: 'post-two', _type: 'post' } }] })
    expect(status).toBe(409)
    expect(structuredError(body).type).toBe('mutationError')
    expect(structuredError(body).items?.[0]?.error).toMatchObject({ id: 'post-two', type: 'documentAlreadyExistsError' })
  })

  it('replaces with createOrReplace (keeping _createdAt) and leaves existing ones with createIfNotExists', async () => {
    await t.authed.create({ _id: 'category-temp', _type: 'category', title: 'One', description: 'gone soon' })
    const before = await t.authed.getDocument('category-temp')
    const replaced = await t.authed.createOrReplace({ _id: 'category-temp', _type: 'category', title: 'Two' })
    expect(replaced.title).toBe('Two')
    expect((replaced as Record<string, unknown>).description).toBeUndefined()
    expect(replaced._createdAt).toBe(before?._createdAt)
    expect(replaced._rev).not.toBe(before?._rev)
    await t.authed.createIfNotExists({ _id: 'category-temp', _type: 'category', title: 'Three' })
    expect((await t.authed.getDocument('category-temp'))?.title).toBe('Two')
  })

  it('refuses invalid documents with 400', async () => {
    expect((await mutate({ mutations: [{ create: { _id: 'no-type' } }] })).status).toBe(400)
    expect((await mutate({ mutations: [{ create: { _id: 'bad id!', _type: 'x' } }] })).status).toBe(400)
    expect((await mutate({ mutations: [{ explode: { id: 'x' } }] })).status).toBe(400)
    expect((await mutate({ nothing: true })).status).toBe(400)
  })
})

describe('patch', () => {
  it('applies set, unset, setIfMissing, inc, dec and insert', async () => {
    const patched = await t.authed
      .patch('post-one')
      .set({ title: 'Quiet mind, revised', 'seo.metaTitle': 'Quiet', 'body[_key=="b1"].children[0].text': 'Hello again' })
      .unset(['tags[0]'])
      .setIfMissing({ excerpt: 'An excerpt', title: 'ignored' })
      .inc({ views: 5 })
      .dec({ views: 2 })
      .insert('after', 'tags[-1]', ['sleep'])
      .commit()
    expect(patched).toMatchObject({
      title: 'Quiet mind, revised',
      seo: { metaTitle: 'Quiet' },
      excerpt: 'An excerpt',
      views: 13,
      tags: ['focus', 'sleep'],
    })
    expect((patched.body as { children: { text: string }[] }[])[0]?.children[0]?.text).toBe('Hello again')
    const inserted = await t.authed.patch('post-one').insert('before', 'tags[0]', ['first']).commit()
    expect(inserted.tags).toEqual(['first', 'focus', 'sleep'])
    const replaced = await t.authed.patch('post-one').insert('replace', 'tags[1]', ['calm']).commit()
    expect(replaced.tags).toEqual(['first', 'calm', 'sleep'])
  })

  it('patches every document a query selects', async () => {
    const { status, body } = await mutate({
      mutations: [{ patch: { query: '*[_type == "category" && title in ["Generated", "Two"]]', set: { touched: true } } }],
    })
    expect(status).toBe(200)
    expect(body.results).toHaveLength(2)
    expect(await t.authed.fetch('count(*[_type == "category" && touched])')).toBe(2)
  })

  it('honours ifRevisionID: a stale revision is a 409 and changes nothing', async () => {
    const current = await t.authed.getDocument('post-two')
    const stale = await t.authed
      .patch('post-two')
      .ifRevisionId('not-the-revision')
      .set({ title: 'Nope' })
      .commit()
      .catch((error: unknown) => error)
    expect(stale).toMatchObject({ statusCode: 409 })
    expect((await t.authed.getDocument('post-two'))?.title).toBe('Desk neck')
    const ok = await t.authed.patch('post-two').ifRevisionId(String(current?._rev)).set({ title: 'Desk neck' }).commit()
    expect(ok._rev).not.toBe(current?._rev)
  })

  it('refuses patches to missing documents and malformed paths', async () => {
    expect((await mutate({ mutations: [{ patch: { id: 'nope', set: { a: 1 } } }] })).status).toBe(404)
    expect((await mutate({ mutations: [{ patch: { id: 'post-two', set: { 'a[': 1 } } }] })).status).toBe(400)
    expect((await mutate({ mutations: [{ patch: { id: 'post-two', set: { _id: 'other' } } }] })).status).toBe(400)
  })
})

describe('delete', () => {
  it('deletes by id and by query', async () => {
    await t.authed.create({ _id: 'treatment-a', _type: 'treatment', name: 'A' })
    await t.authed.create({ _id: 'treatment-b', _type: 'treatment', name: 'B' })
    await t.authed.delete('treatment-a')
    expect(await t.authed.getDocument('treatment-a')).toBeUndefined()
    const { body } = await mutate({ mutations: [{ delete: { query: '*[_type == "treatment"]' } }] })
    expect(body.results).toEqual([{ id: 'treatment-b', operation: 'delete' }])
  })

  it('refuses to delete a strongly referenced document, or to reference a missing one', async () => {
    const referenced = await mutate({ mutations: [{ delete: { id: 'author-maya' } }] })
    expect(referenced.status).toBe(409)
    expect(structuredError(referenced.body).description).toContain('references')
    const dangling = await mutate({ mutations: [{ create: { _type: 'post', author: { _type: 'reference', _ref: 'author-ghost' } } }] })
    expect(dangling.status).toBe(409)
    const weak = await mutate({
      mutations: [{ create: { _type: 'post', author: { _type: 'reference', _ref: 'author-ghost', _weak: true } } }],
    })
    expect(weak.status).toBe(200)
  })
})

describe('transactions', () => {
  it('apply all or nothing, on disk as in memory', async () => {
    const fileBefore = await dataFile()
    const { status } = await mutate({
      mutations: [{ create: { _id: 'half-done', _type: 'cta' } }, { patch: { id: 'does-not-exist', set: { a: 1 } } }],
    })
    expect(status).toBe(404)
    expect(await t.authed.getDocument('half-done')).toBeUndefined()
    expect(await dataFile()).toBe(fileBefore)
  })

  it('returns ids and operations, and documents with returnDocuments', async () => {
    const plain = await mutate({ mutations: [{ create: { _id: 'cta-ret', _type: 'cta' } }] }, '?returnIds=true')
    expect(plain.status).toBe(200)
    expect(plain.body).toEqual({ transactionId: expect.any(String), results: [{ id: 'cta-ret', operation: 'create' }] })
    const full = await mutate(
      { mutations: [{ patch: { id: 'cta-ret', set: { headline: 'H' } } }] },
      '?returnIds=true&returnDocuments=true&visibility=async',
    )
    expect(full.body.results?.[0]).toMatchObject({ id: 'cta-ret', operation: 'update', document: { headline: 'H' } })
    expect(full.body.documents?.[0]?._rev).toBe(full.body.transactionId)
    expect((await mutate({ mutations: [{ delete: { id: 'cta-ret' } }] }, '?visibility=sometimes')).status).toBe(400)
  })

  it('changes nothing on a dry run', async () => {
    const fileBefore = await dataFile()
    const { status, body } = await mutate({ mutations: [{ create: { _id: 'dry', _type: 'cta' } }] }, '?dryRun=true')
    expect(status).toBe(200)
    expect(body.results).toEqual([{ id: 'dry', operation: 'create' }])
    expect(await t.authed.getDocument('dry')).toBeUndefined()
    expect(await dataFile()).toBe(fileBefore)
  })

  it('runs concurrent transactions one after another', async () => {
    await t.authed.createOrReplace({ _id: 'counter', _type: 'counter', value: 0 })
    await Promise.all(Array.from({ length: 15 }, () => t.authed.patch('counter').inc({ value: 1 }).commit()))
    expect((await t.authed.getDocument('counter'))?.value).toBe(15)
  })

  it('adds missing array keys when asked to', async () => {
    const { body } = await mutate(
      { mutations: [{ create: { _id: 'keyed', _type: 'list', items: [{ a: 1 }, { _key: 'k', a: 2 }] } }] },
      '?returnDocuments=true&autoGenerateArrayKeys=true',
    )
    const items = body.documents?.[0]?.items as { _key: string }[]
    expect(items[0]?._key).toMatch(/^[0-9a-f]{12}$/)
    expect(items[1]?._key).toBe('k')
  })

  it('needs the token', async () => {
    expect((await mutate({ mutations: [{ create: { _type: 'cta' } }] }, '', null)).status).toBe(401)
    await expect(t.client.create({ _type: 'cta' })).rejects.toMatchObject({ statusCode: 401 })
  })
})

describe('publishing like Studio', () => {
  it('publishes a draft with createOrReplace + delete in one transaction', async () => {
    const published = await t.authed.getDocument('post-one')
    const draft = await t.authed.getDocument('drafts.post-one')
    expect(draft).toBeDefined()
    const { _rev: _ignoredRev, _updatedAt: _ignoredUpdatedAt, ...content } = draft ?? { _rev: '', _updatedAt: '' }
    await t.authed
      .transaction()
      .createOrReplace({ ...content, _id: 'post-one', _type: 'post' })
      .delete('drafts.post-one')
      .commit()
    const after = await t.client.getDocument('post-one')
    expect(after?.title).toBe('Quiet mind (draft)')
    expect(after?._rev).not.toBe(published?._rev)
    expect(Date.parse(String(after?._updatedAt))).toBeGreaterThan(Date.parse(String(published?._updatedAt)))
    expect(await t.authed.getDocument('drafts.post-one')).toBeUndefined()
  })
})

describe('persistence', () => {
  it('keeps data.ndjson in export layout, leaves no temp files, and survives a restart', async () => {
    const heroAsset = await t.client.fetch<string>('*[_type == "sanity.imageAsset" && originalFilename == "hero.jpg"][0]._id')
    await t.authed
      .patch('post-one')
      .set({ mainImage: { _type: 'figure', alt: 'Again', asset: { _type: 'reference', _ref: heroAsset } } })
      .commit()

    const documents = await fileDocuments()
    const ids = documents.map((document) => document._id)
    expect(ids).toContain('cta-new')
    expect(ids).not.toContain('drafts.post-one')
    expect(ids.some((id) => String(id).startsWith('image-'))).toBe(false)
    const post = documents.find((document) => document._id === 'post-one')
    expect(post?.mainImage).toEqual({ _type: 'figure', alt: 'Again', _sanityAsset: 'image@file://./images/hero.jpg' })
    expect(JSON.stringify(documents)).not.toContain('"asset"')
    expect((await readdir(t.dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])

    const restarted = await startLake({ port: 0, datasetDir: t.dir, token: TOKEN })
    try {
      const client = clientFor(restarted)
      expect(await client.fetch('*[_id == "cta-new"][0].headline')).toBe('Hello')
      expect(await client.fetch('*[_id == "post-one"][0].mainImage.asset._ref')).toBe(heroAsset)
      expect(await client.fetch('*[_id == "post-one"][0].title')).toBe('Quiet mind (draft)')
    } finally {
      await restarted.close()
    }
  })
})

describe('a failed write', () => {
  it('answers 500 and leaves the documents as they were', async () => {
    const own = await startTestLake()
    try {
      const { rm } = await import('node:fs/promises')
      await rm(own.dir, { recursive: true, force: true })
      const error = await own.authed
        .patch('post-two')
        .set({ title: 'Not saved' })
        .commit()
        .catch((caught: unknown) => caught)
      expect(error).toMatchObject({ statusCode: 500 })
      expect(await own.client.fetch('*[_id == "post-two"][0].title')).toBe('Desk neck')
    } finally {
      await own.stop()
    }
  })
})

describe('writing back', () => {
  it('leaves the lines of untouched documents byte for byte', async () => {
    const stamp = { _createdAt: '2025-01-01T00:00:00Z', _updatedAt: '2025-01-01T00:00:00Z', _rev: 'r1' }
    const own = await startTestLake({}, [
      { _id: 'b', _type: 'note', ...stamp, text: 'keys in an unusual order', z: 1, a: 2 },
      { _id: 'a', _type: 'note', ...stamp, figure: { _type: 'figure', _sanityAsset: 'image@file://./images/hero.jpg', alt: 'x' } },
    ])
    try {
      const before = (await readFile(join(own.dir, 'data.ndjson'), 'utf8')).split('\n')
      await own.authed.patch('b').set({ text: 'changed' }).commit()
      const after = (await readFile(join(own.dir, 'data.ndjson'), 'utf8')).split('\n')
      expect(after[1]).toBe(before[1])
      expect(JSON.parse(after[0] ?? '')).toMatchObject({ _id: 'b', text: 'changed', z: 1, a: 2 })
    } finally {
      await own.stop()
    }
  })
})
