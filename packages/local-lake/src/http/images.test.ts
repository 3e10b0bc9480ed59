import { createImageUrlBuilder } from '@sanity/image-url'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestLake, type TestLake } from '../test-support/lake.js'
import { planResize } from './image-render.js'
import { parseImageParams } from './image-params.js'

let t: TestLake
let heroUrl: string
let logoUrl: string

beforeAll(async () => {
  t = await startTestLake()
  const urls = await t.client.fetch<{ hero: string; logo: string }>(
    '*[_id == "post-one"][0]{"hero": mainImage.asset->url, "logo": body[_type == "figure"][0].asset->url}',
  )
  heroUrl = urls.hero
  logoUrl = urls.logo
})
afterAll(() => t.stop())

async function dimensions(url: string, init?: RequestInit) {
  const response = await fetch(url, init)
  expect(response.status).toBe(200)
  const bytes = Buffer.from(await response.arrayBuffer())
  const metadata = await sharp(bytes).metadata()
  return { width: metadata.width, height: metadata.height, format: metadata.format, response, bytes }
}

describe('image files', () => {
  it('serves the original with immutable caching headers', async () => {
    const { width, height, format, response } = await dimensions(heroUrl)
    expect({ width, height, format }).toEqual({ width: 400, height: 300, format: 'jpeg' })
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(response.headers.get('content-type')).toBe('image/jpeg')
  })

  it('resizes by width, height and dpr, keeping the aspect ratio', async () => {
    expect(await dimensions(`${heroUrl}?w=200`)).toMatchObject({ width: 200, height: 150 })
    expect(await dimensions(`${heroUrl}?h=60`)).toMatchObject({ width: 80, height: 60 })
    expect(await dimensions(`${heroUrl}?w=100&dpr=2`)).toMatchObject({ width: 200, height: 150 })
  })

  it('never upscales beyond the original', async () => {
    expect(await dimensions(`${heroUrl}?w=1600`)).toMatchObject({ width: 400, height: 300 })
    // A crop to a box larger than the source shrinks the box, keeping its shape (2:1 here).
    expect(await dimensions(`${heroUrl}?w=1000&h=500&fit=crop`)).toMatchObject({ width: 400, height: 200 })
  })

  it('crops with fit=crop, rect and a focal point', async () => {
    expect(await dimensions(`${heroUrl}?w=100&h=100&fit=crop`)).toMatchObject({ width: 100, height: 100 })
    expect(await dimensions(`${heroUrl}?rect=10,20,200,100`)).toMatchObject({ width: 200, height: 100 })
    expect(await dimensions(`${heroUrl}?rect=10,20,200,100&w=50`)).toMatchObject({ width: 50, height: 25 })
    expect(await dimensions(`${heroUrl}?w=90&h=120&fit=crop&crop=focalpoint&fp-x=0.1&fp-y=0.5`)).toMatchObject({ width: 90, height: 120 })
  })

  it('converts formats with fm and auto=format (from the Accept header)', async () => {
    expect((await dimensions(`${heroUrl}?w=50&fm=png`)).format).toBe('png')
    const webp = await dimensions(`${heroUrl}?w=50&auto=format`, { headers: { accept: 'image/webp,image/*' } })
    expect(webp.format).toBe('webp')
    expect(webp.response.headers.get('vary')).toBe('Accept')
    const avif = await dimensions(`${heroUrl}?w=50&auto=format`, { headers: { accept: 'image/avif,image/webp' } })
    expect(avif.format).toBe('heif')
    expect(avif.response.headers.get('content-type')).toBe('image/avif')
    const fallback = await dimensions(`${heroUrl}?w=50&auto=format`, { headers: { accept: 'image/*' } })
    expect(fallback.format).toBe('jpeg')
  })

  it('keeps transparency for PNG and fills it for JPEG', async () => {
    const png = await dimensions(`${logoUrl}?w=32`)
    expect(png).toMatchObject({ width: 32, height: 24, format: 'png' })
    expect((await sharp(png.bytes).metadata()).hasAlpha).toBe(true)
    const jpg = await dimensions(`${logoUrl}?w=32&fm=jpg&q=50`)
    expect(jpg.format).toBe('jpeg')
  })

  it('returns the same bytes for a repeated request (served from the cache)', async () => {
    const first = await dimensions(`${heroUrl}?w=120&q=40`)
    const second = await dimensions(`${heroUrl}?w=120&q=40`)
    expect(second.bytes.equals(first.bytes)).toBe(true)
  })

  it('answers unknown images with 404 and bad parameters with 400', async () => {
    const base = heroUrl.slice(0, heroUrl.lastIndexOf('/'))
    expect((await fetch(`${base}/${'0'.repeat(40)}-10x10.jpg`)).status).toBe(404)
    expect((await fetch(heroUrl.replace('/local/', '/other/'))).status).toBe(404)
    expect((await fetch(`${heroUrl}?w=abc`)).status).toBe(400)
    expect((await fetch(`${heroUrl}?fit=stretchy`)).status).toBe(400)
    expect((await fetch(`${heroUrl}?rect=1,2,3`)).status).toBe(400)
    expect((await fetch(`${heroUrl}?rect=1000,1000,10,10`)).status).toBe(400)
  })

  it('serves the URLs @sanity/image-url builds with baseUrl set to the lake', async () => {
    const builder = createImageUrlBuilder({ projectId: 'local', dataset: 'production', baseUrl: t.lake.url })
    const image = await t.client.fetch('*[_id == "post-one"][0].mainImage')
    const url = builder
      .image({ ...image, crop: { top: 0.1, bottom: 0.1, left: 0, right: 0 }, hotspot: { x: 0.3, y: 0.5, width: 0.2, height: 0.2 } })
      .width(160)
      .height(90)
      .auto('format')
      .url()
    expect(url.startsWith(`${t.lake.url}/images/local/production/`)).toBe(true)
    expect(url).toContain('rect=')
    expect(await dimensions(url)).toMatchObject({ width: 160, height: 90 })
  })
})

describe('resize planning', () => {
  const plan = (query: string) => planResize({ width: 400, height: 300 }, parseImageParams(new URLSearchParams(query)))

  it('fits inside the box for clip and max, never above the source', () => {
    expect(plan('w=200&h=200')).toEqual({ kind: 'exact', width: 200, height: 150 })
    expect(plan('w=800&h=800&fit=max')).toEqual({ kind: 'exact', width: 400, height: 300 })
    expect(plan('')).toEqual({ kind: 'none' })
    expect(plan('max-w=100')).toEqual({ kind: 'exact', width: 100, height: 75 })
  })

  it('fills the box for crop, fill and scale', () => {
    expect(plan('w=100&h=100&fit=crop')).toEqual({ kind: 'cover', width: 100, height: 100 })
    expect(plan('w=100&h=100&fit=fill')).toEqual({ kind: 'contain', width: 100, height: 100 })
    expect(plan('w=100&h=100&fit=scale')).toEqual({ kind: 'exact', width: 100, height: 100 })
  })
})
