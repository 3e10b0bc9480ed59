/*
 * The assets API (https://www.sanity.io/docs/http-reference/assets): uploads become asset
 * documents with the file's hash and (for images) dimensions, the same bytes give the same
 * asset, and the asset's URL serves the file.
 */
import { randomBytes } from 'node:crypto'
import sharp from 'sharp'
import { expect, it } from 'vitest'
import { API_VERSION, withTargets } from './target.js'

withTargets('Assets API', (target) => {
  it('stores an uploaded image once, with its dimensions, and serves it', async () => {
    const t = target()
    // Random pixels, so a hosted dataset has not seen these bytes before.
    const png = await sharp(randomBytes(30 * 20 * 3), { raw: { width: 30, height: 20, channels: 3 } })
      .png()
      .toBuffer()
    const upload = async () => {
      const response = await fetch(
        `${t.origin}/${API_VERSION}/assets/images/${t.dataset}?filename=${encodeURIComponent(`${t.prefix}swatch.png`)}`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${t.token}`, 'content-type': 'image/png' },
          body: png,
        },
      )
      expect(response.status).toBe(200)
      return ((await response.json()) as { document: Record<string, unknown> }).document
    }
    const asset = await upload()
    expect(asset).toMatchObject({ _type: 'sanity.imageAsset', mimeType: 'image/png', extension: 'png', size: png.length })
    expect(asset._id).toMatch(/^image-[0-9a-f]{40}-30x20-png$/)
    expect(asset.metadata).toMatchObject({ dimensions: { width: 30, height: 20, aspectRatio: 1.5 } })
    expect((await upload())._id).toBe(asset._id)
    const served = await fetch(String(asset.url))
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(30)
  })

  it('stores other files, and refuses uploads without the token', async () => {
    const t = target()
    const bytes = Buffer.from(`price list ${randomBytes(8).toString('hex')}\n`)
    const response = await fetch(`${t.origin}/${API_VERSION}/assets/files/${t.dataset}?filename=prices.txt`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'text/plain' },
      body: bytes,
    })
    expect(response.status).toBe(200)
    const { document } = (await response.json()) as { document: Record<string, unknown> }
    expect(document).toMatchObject({ _type: 'sanity.fileAsset', extension: 'txt', size: bytes.length })
    const served = await fetch(String(document.url))
    expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes)

    const anonymous = await fetch(`${t.origin}/${API_VERSION}/assets/files/${t.dataset}?filename=x.txt`, { method: 'POST', body: bytes })
    expect(anonymous.status).toBe(401)
  })
})
