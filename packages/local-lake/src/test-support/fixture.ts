import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'

export const HERO = { file: 'hero.jpg', width: 400, height: 300 }
export const LOGO = { file: 'logo.png', width: 64, height: 48 }

/** A small dataset in export layout: published posts, drafts, a version, two images. */
export const FIXTURE_DOCUMENTS: Record<string, unknown>[] = [
  { _id: 'siteSettings', _type: 'siteSettings', title: 'Journal', defaultCta: { _type: 'reference', _ref: 'cta-first' } },
  { _id: 'author-maya', _type: 'author', name: 'Maya', slug: { _type: 'slug', current: 'maya' } },
  { _id: 'category-recovery', _type: 'category', title: 'Recovery', slug: { _type: 'slug', current: 'recovery' } },
  {
    _id: 'cta-first',
    _type: 'cta',
    internalName: 'First',
    headline: 'Book now',
    buttonLabel: 'Book',
    url: 'https://book.stillpoint.example',
  },
  {
    _id: 'post-one',
    _type: 'post',
    _createdAt: '2025-07-01T10:00:00Z',
    _updatedAt: '2025-07-02T10:00:00Z',
    _rev: 'rev-post-one',
    title: 'Quiet mind',
    slug: { _type: 'slug', current: 'quiet-mind' },
    publishedAt: '2025-07-22T08:00:00Z',
    author: { _type: 'reference', _ref: 'author-maya' },
    categories: [{ _type: 'reference', _ref: 'category-recovery', _key: 'c1' }],
    mainImage: { _type: 'figure', _sanityAsset: `image@file://./images/${HERO.file}`, alt: 'Stones' },
    body: [
      {
        _type: 'block',
        _key: 'b1',
        style: 'normal',
        markDefs: [],
        children: [{ _type: 'span', _key: 's1', text: 'Hello calm world', marks: [] }],
      },
      { _type: 'figure', _key: 'f1', _sanityAsset: `image@file://./images/${LOGO.file}`, alt: 'Logo' },
    ],
    tags: ['calm', 'focus'],
    views: 10,
  },
  {
    _id: 'post-two',
    _type: 'post',
    title: 'Desk neck',
    slug: { _type: 'slug', current: 'desk-neck' },
    publishedAt: '2025-06-01T08:00:00Z',
    author: { _type: 'reference', _ref: 'author-maya' },
    previousSlugs: ['old-desk-neck'],
  },
  {
    _id: 'drafts.post-one',
    _type: 'post',
    title: 'Quiet mind (draft)',
    slug: { _type: 'slug', current: 'quiet-mind' },
    author: { _type: 'reference', _ref: 'author-maya' },
  },
  { _id: 'drafts.post-new', _type: 'post', title: 'Brand new', slug: { _type: 'slug', current: 'brand-new' } },
  { _id: 'versions.spring.post-two', _type: 'post', title: 'Desk neck (spring release)', slug: { _type: 'slug', current: 'desk-neck' } },
]

export interface Fixture {
  dir: string
  cleanup(): Promise<void>
}

export async function createFixture(documents: Record<string, unknown>[] = FIXTURE_DOCUMENTS): Promise<Fixture> {
  const dir = await mkdtemp(join(tmpdir(), 'local-lake-'))
  await mkdir(join(dir, 'images'))
  const hero = await sharp({
    create: { width: HERO.width, height: HERO.height, channels: 3, background: { r: 120, g: 160, b: 130 } },
  })
    .composite([
      { input: Buffer.from(`<svg width="${HERO.width}" height="${HERO.height}"><circle cx="100" cy="150" r="60" fill="#234"/></svg>`) },
    ])
    .jpeg()
    .toBuffer()
  const logo = await sharp({
    create: { width: LOGO.width, height: LOGO.height, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 0.5 } },
  })
    .png()
    .toBuffer()
  await writeFile(join(dir, 'images', HERO.file), hero)
  await writeFile(join(dir, 'images', LOGO.file), logo)
  await writeFile(join(dir, 'data.ndjson'), documents.map((document) => JSON.stringify(document)).join('\n') + '\n')
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}
