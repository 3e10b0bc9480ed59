import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import { describe, expect, it } from 'vitest'

import { MAX_SIGNATURE_AGE_MS, MAX_WEBHOOK_BYTES, verifyWebhook } from './webhook'

const SECRET = 'a-long-webhook-secret'
const body = JSON.stringify({ _id: 'post-a', _type: 'post', slug: 'a' })

async function signed(payload: string, secret = SECRET, timestamp = Date.now()) {
  return new Request('http://site.test/api/revalidate', {
    method: 'POST',
    headers: { [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(payload, timestamp, secret), 'content-type': 'application/json' },
    body: payload,
  })
}

describe('verifyWebhook', () => {
  it('accepts a correctly signed, fresh request', async () => {
    const verdict = await verifyWebhook(await signed(body), SECRET)
    expect(verdict).toEqual({ ok: true, body: JSON.parse(body) })
  })

  it('fails closed when no secret is configured', async () => {
    const verdict = await verifyWebhook(await signed(body), null)
    expect(verdict).toMatchObject({ ok: false, status: 401 })
  })

  it('refuses a missing, forged or malformed signature', async () => {
    const unsigned = new Request('http://site.test/api/revalidate', { method: 'POST', body })
    expect(await verifyWebhook(unsigned, SECRET)).toMatchObject({ ok: false, status: 401 })
    expect(await verifyWebhook(await signed(body, 'wrong-secret'), SECRET)).toMatchObject({ ok: false, status: 401 })
    const garbage = new Request('http://site.test/api/revalidate', {
      method: 'POST',
      headers: { [SIGNATURE_HEADER_NAME]: 'nonsense' },
      body,
    })
    expect(await verifyWebhook(garbage, SECRET)).toMatchObject({ ok: false, status: 401 })
  })

  it('refuses a replayed signature with an altered body', async () => {
    const original = await signed(body)
    const header = original.headers.get(SIGNATURE_HEADER_NAME) ?? ''
    const altered = new Request('http://site.test/api/revalidate', {
      method: 'POST',
      headers: { [SIGNATURE_HEADER_NAME]: header },
      body: body.replace('post-a', 'post-b'),
    })
    expect(await verifyWebhook(altered, SECRET)).toMatchObject({ ok: false, status: 401 })
  })

  it('refuses a stale signature', async () => {
    const old = await signed(body, SECRET, Date.now() - MAX_SIGNATURE_AGE_MS - 1000)
    expect(await verifyWebhook(old, SECRET)).toMatchObject({ ok: false, status: 401, message: 'Stale signature' })
  })

  it('refuses oversized and non-JSON bodies', async () => {
    const huge = JSON.stringify({ _id: 'x', _type: 'post', pad: 'x'.repeat(MAX_WEBHOOK_BYTES) })
    expect(await verifyWebhook(await signed(huge), SECRET)).toMatchObject({ ok: false, status: 413 })
    expect(await verifyWebhook(await signed('{not json'), SECRET)).toMatchObject({ ok: false, status: 400 })
  })
})
