import { describe, expect, it } from 'vitest'

import { applyTagStates, decodeEntry, encodeEntry, tagStateAt } from './shared-cache.mjs'

describe('cache entries in Redis', () => {
  it('come back with their Buffers and Maps (RSC payload, segment data, route bodies)', () => {
    const entry = {
      lastModified: 1_700_000_000_000,
      value: {
        kind: 'APP_PAGE',
        html: '<p>x</p>',
        rscData: Buffer.from([0, 1, 2, 255]),
        segmentData: new Map([['/_tree', Buffer.from('tree')]]),
        headers: { 'x-next-cache-tags': 'a,b' },
        status: 200,
      },
      cacheControl: { revalidate: 3600, expire: undefined },
    }
    const back = decodeEntry(encodeEntry(entry))
    expect(back.value.rscData).toEqual(Buffer.from([0, 1, 2, 255]))
    expect(back.value.segmentData).toEqual(new Map([['/_tree', Buffer.from('tree')]]))
    expect(back.value.html).toBe('<p>x</p>')
    expect(back.value.headers).toEqual({ 'x-next-cache-tags': 'a,b' })
    expect(back.lastModified).toBe(1_700_000_000_000)
  })
})

describe('tag state', () => {
  it("is what Next's file-system cache records: stale now and expiring after the profile's expire, or expired now", () => {
    expect(tagStateAt({}, { expire: 60 }, 1000)).toEqual({ stale: 1000, expired: 61_000 })
    expect(tagStateAt({ stale: 5 }, { expire: 0 }, 1000)).toEqual({ stale: 1000, expired: 1000 })
    expect(tagStateAt({ stale: 5 }, undefined, 1000)).toEqual({ stale: 5, expired: 1000 })
  })

  it('merges into the instance map keeping the later time of each field, whatever the order of arrival', () => {
    const manifest = new Map<string, { stale?: number; expired?: number }>([['post:a', { stale: 500, expired: 9000 }]])
    applyTagStates({ 'post:a': { stale: 700, expired: 2000 }, 'type:cta': { stale: 800 } }, manifest)
    expect(manifest.get('post:a')).toEqual({ stale: 700, expired: 9000 })
    expect(manifest.get('type:cta')).toEqual({ stale: 800 })
    // An older message arriving late changes nothing.
    applyTagStates({ 'post:a': { stale: 600 } }, manifest)
    expect(manifest.get('post:a')).toEqual({ stale: 700, expired: 9000 })
  })

  it('ignores malformed states', () => {
    const manifest = new Map<string, { stale?: number; expired?: number }>()
    applyTagStates({ a: null, b: 'x', c: { stale: 'soon', expired: Number.NaN } } as never, manifest)
    expect(manifest.get('a')).toBeUndefined()
    expect(manifest.get('c')).toEqual({})
  })
})
