import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterEach, describe, expect, it } from 'vitest'

import { checkSeed } from './seed-checks.mjs'

const studioDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const schema = JSON.parse(await readFile(path.join(studioDir, 'schema.json'), 'utf8'))

const system = { _createdAt: '2025-01-01T00:00:00Z', _updatedAt: '2025-01-02T00:00:00Z', _rev: 'r1' }
const ref = (id: string, key?: string) => ({ _type: 'reference', _ref: id, ...(key ? { _key: key } : {}) })

let dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
  dirs = []
})

async function dataset(documents: object[], images: string[] = []): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'journal-seed-checks-'))
  dirs.push(dir)
  await mkdir(path.join(dir, 'images'))
  for (const image of images) await writeFile(path.join(dir, 'images', image), 'x')
  await writeFile(path.join(dir, 'data.ndjson'), documents.map((document) => JSON.stringify(document)).join('\n') + '\n')
  return dir
}

const author = { _id: 'author-a', _type: 'author', name: 'A', slug: { _type: 'slug', current: 'a' }, ...system }
const category = { _id: 'category-c', _type: 'category', title: 'C', slug: { _type: 'slug', current: 'c' }, ...system }
const post = (id: string, fields: object = {}) => ({
  _id: id,
  _type: 'post',
  title: id,
  slug: { _type: 'slug', current: id },
  publishedAt: '2025-01-01T00:00:00Z',
  author: ref('author-a'),
  categories: [ref('category-c', 'k1')],
  ...system,
  ...fields,
})

describe('checkSeed', () => {
  it('passes the demo content, with what the demo must show', async () => {
    const { problems, documents } = await checkSeed(path.join(studioDir, 'seed'), { schema })
    expect(problems).toEqual([])
    expect(documents.length).toBeGreaterThan(20)
  })

  it('passes a small consistent dataset', async () => {
    const dir = await dataset(
      [author, category, post('p1', { mainImage: { _type: 'figure', _sanityAsset: 'image@file://./images/a.jpg' } })],
      ['a.jpg'],
    )
    expect((await checkSeed(dir, { schema, demo: false })).problems).toEqual([])
  })

  it('reports references that do not resolve or point at a type the schema does not allow there', async () => {
    const dir = await dataset([
      author,
      category,
      post('p1', { author: ref('category-c') }),
      post('p2', { categories: [ref('author-a', 'k1')] }),
      post('p3', { cta: ref('cta-missing') }),
      post('p4', { author: ref('drafts.author-a') }),
    ])
    const { problems } = await checkSeed(dir, { schema, demo: false })
    expect(problems).toContain('p1.author: references a category, the schema allows author')
    expect(problems).toContain('p2.categories[0]: references a author, the schema allows category')
    expect(problems).toContain('p3.cta: broken reference to cta-missing')
    expect(problems).toContain('p4.author: reference to a draft id drafts.author-a')
  })

  it('reports missing and duplicate keys, missing and unused images, duplicate ids', async () => {
    const dir = await dataset(
      [
        author,
        author,
        category,
        post('p1', { categories: [ref('category-c', 'k1'), ref('category-c', 'k1')] }),
        post('p2', { categories: [ref('category-c')], mainImage: { _type: 'figure', _sanityAsset: 'image@file://./images/gone.jpg' } }),
      ],
      ['unused.jpg'],
    )
    const { problems } = await checkSeed(dir, { schema, demo: false })
    expect(problems).toContain('author-a: duplicate _id')
    expect(problems).toContain('p1.categories: duplicate _key k1 in categories')
    expect(problems).toContain('p2.categories: categories[0] has no _key')
    expect(problems).toContain('p2.mainImage: missing image file gone.jpg')
    expect(problems).toContain('images/unused.jpg: not referenced by any document')
  })

  it('reports slugs used twice (a draft counts as its document) and previous slugs that shadow a post', async () => {
    const dir = await dataset([
      author,
      category,
      post('p1'),
      post('drafts.p2', { slug: { _type: 'slug', current: 'p1' } }),
      post('p3', { previousSlugs: ['p1'] }),
    ])
    const { problems } = await checkSeed(dir, { schema, demo: false })
    expect(problems).toContain('p1, p2: post slug "p1" is used by more than one document')
    expect(problems).toContain("p3: previous slug p1 is another post's current slug")
  })

  it('reports a file that does not parse', async () => {
    const dir = await dataset([author])
    await writeFile(path.join(dir, 'data.ndjson'), `${JSON.stringify(author)}\n{not json\n`)
    const { problems } = await checkSeed(dir, { schema, demo: false })
    expect(problems.some((problem) => problem.startsWith('line 2: does not parse'))).toBe(true)
  })
})
