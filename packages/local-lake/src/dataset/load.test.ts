import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFixture, HERO, LOGO, type Fixture } from '../test-support/fixture.js'
import { DatasetError, loadDataset } from './load.js'
import { withAssetReferences, withSanityAssets, type AssetFileRef } from './asset-refs.js'
import { imageAssetDocument } from './image-files.js'

let fixture: Fixture | undefined
afterEach(async () => {
  await fixture?.cleanup()
  fixture = undefined
})

const quiet = (): void => undefined

async function withData(lines: string[]): Promise<string> {
  fixture = await createFixture()
  await writeFile(join(fixture.dir, 'data.ndjson'), lines.join('\n'))
  return fixture.dir
}

describe('loadDataset', () => {
  it('turns every _sanityAsset into an asset reference and describes each image file', async () => {
    fixture = await createFixture()
    const { documents, images } = await loadDataset(fixture.dir, quiet)
    const hero = images.find((image) => image.fileName === HERO.file)
    const logo = images.find((image) => image.fileName === LOGO.file)
    expect(hero).toMatchObject({ width: 400, height: 300, extension: 'jpg', mimeType: 'image/jpeg', hasAlpha: false, isOpaque: true })
    expect(logo).toMatchObject({ width: 64, height: 48, extension: 'png', hasAlpha: true, isOpaque: false })
    const post = documents.find((document) => document._id === 'post-one') as unknown as {
      mainImage: Record<string, unknown>
      body: Record<string, unknown>[]
    }
    expect(post.mainImage).toEqual({
      _type: 'figure',
      asset: { _type: 'reference', _ref: `image-${hero?.sha1}-400x300-jpg` },
      alt: 'Stones',
    })
    expect(post.body[1]?.asset).toEqual({ _type: 'reference', _ref: `image-${logo?.sha1}-64x48-png` })
    expect(JSON.stringify(documents)).not.toContain('_sanityAsset')
  })

  it('keeps system fields that are there and fills in those that are not', async () => {
    fixture = await createFixture()
    const { documents } = await loadDataset(fixture.dir, quiet)
    const one = documents.find((document) => document._id === 'post-one')
    expect(one).toMatchObject({ _createdAt: '2025-07-01T10:00:00Z', _updatedAt: '2025-07-02T10:00:00Z', _rev: 'rev-post-one' })
    const two = documents.find((document) => document._id === 'post-two')
    expect(two?._rev).toMatch(/^[\w-]{22}$/)
    expect(Date.parse(String(two?._createdAt))).not.toBeNaN()
    const again = await loadDataset(fixture.dir, quiet)
    expect(again.documents.find((document) => document._id === 'post-two')?._rev).toBe(two?._rev)
  })

  it('builds the sanity.imageAsset document Sanity would hold', async () => {
    fixture = await createFixture()
    const { images } = await loadDataset(fixture.dir, quiet)
    const hero = images.find((image) => image.fileName === HERO.file)
    if (!hero) throw new Error('hero image missing')
    const asset = imageAssetDocument(hero, { baseUrl: 'http://127.0.0.1:3030/', projectId: 'local', dataset: 'production' })
    expect(asset).toMatchObject({
      _id: `image-${hero.sha1}-400x300-jpg`,
      _type: 'sanity.imageAsset',
      assetId: hero.sha1,
      sha1hash: hero.sha1,
      extension: 'jpg',
      mimeType: 'image/jpeg',
      originalFilename: 'hero.jpg',
      path: `images/local/production/${hero.sha1}-400x300.jpg`,
      url: `http://127.0.0.1:3030/images/local/production/${hero.sha1}-400x300.jpg`,
      size: hero.size,
      metadata: { _type: 'sanity.imageMetadata', hasAlpha: false, isOpaque: true },
    })
  })

  it('names the file and line of a malformed line', async () => {
    const dir = await withData(['{"_id": "a", "_type": "x"}', '', '{"_id": "b", "_type": '])
    await expect(loadDataset(dir, quiet)).rejects.toThrow(new RegExp(`data\\.ndjson:3: invalid JSON`))
    await expect(loadDataset(dir, quiet)).rejects.toBeInstanceOf(DatasetError)
  })

  it('names the line of a missing image, a missing _type and a duplicate _id', async () => {
    let dir = await withData(['{"_id": "a", "_type": "x", "image": {"_sanityAsset": "image@file://./images/nope.jpg"}}'])
    await expect(loadDataset(dir, quiet)).rejects.toThrow(/data\.ndjson:1: references images\/nope\.jpg, which does not exist/)
    await fixture?.cleanup()
    dir = await withData(['{"_id": "a"}'])
    await expect(loadDataset(dir, quiet)).rejects.toThrow(/:1: document "a" has no _type/)
    await fixture?.cleanup()
    dir = await withData(['{"_id": "a", "_type": "x"}', '{"_id": "a", "_type": "x"}'])
    await expect(loadDataset(dir, quiet)).rejects.toThrow(/:2: duplicate _id "a" \(first seen on line 1\)/)
  })

  it('explains a missing folder or data file', async () => {
    await expect(loadDataset('/nonexistent/dataset', quiet)).rejects.toThrow('dataset folder not found: /nonexistent/dataset')
    fixture = await createFixture()
    await writeFile(join(fixture.dir, 'images', 'notes.txt'), 'not an image')
    const log: string[] = []
    await loadDataset(fixture.dir, (line) => log.push(line))
    expect(log).toContain('images/notes.txt: not an image file, ignored')
  })

  it('removes temp files an interrupted write left behind', async () => {
    fixture = await createFixture()
    await writeFile(join(fixture.dir, '.data.ndjson.abc123.tmp'), '{"partial')
    await loadDataset(fixture.dir, quiet)
    expect((await readdir(fixture.dir)).some((name) => name.endsWith('.tmp'))).toBe(false)
  })
})

describe('asset references', () => {
  it('round-trip between export form and reference form', () => {
    const exported = {
      _type: 'post',
      list: [{ _type: 'figure', _sanityAsset: 'image@file://./images/a.jpg', alt: 'A' }],
      attachment: { _type: 'file', _sanityAsset: 'file@file://./files/menu.pdf' },
    }
    const referenced = withAssetReferences(structuredClone(exported), ({ kind, fileName }) => `${kind}-${fileName}`)
    expect(referenced).toEqual({
      _type: 'post',
      list: [{ _type: 'figure', asset: { _type: 'reference', _ref: 'image-a.jpg' }, alt: 'A' }],
      attachment: { _type: 'file', asset: { _type: 'reference', _ref: 'file-menu.pdf' } },
    })
    const files: Record<string, AssetFileRef> = {
      'image-a.jpg': { kind: 'image', fileName: 'a.jpg' },
      'file-menu.pdf': { kind: 'file', fileName: 'menu.pdf' },
    }
    expect(withSanityAssets(referenced, (id) => files[id])).toEqual(exported)
    expect(withSanityAssets(referenced, () => undefined)).toEqual(referenced)
    const unrelated = { _type: 'post', list: [{ a: 1 }] }
    expect(withAssetReferences(unrelated, ({ fileName }) => fileName)).toBe(unrelated)
    expect(() => withAssetReferences({ _sanityAsset: 'video@file://./videos/a.mp4' }, ({ fileName }) => fileName)).toThrow(
      /unsupported _sanityAsset/,
    )
    expect(() => withAssetReferences({ _sanityAsset: 'image@file://./images/../secret.jpg' }, ({ fileName }) => fileName)).toThrow(
      /directly inside images/,
    )
    expect(() => withAssetReferences({ _sanityAsset: 'file@file://./files/.hidden' }, ({ fileName }) => fileName)).toThrow(
      /directly inside files/,
    )
  })
})
