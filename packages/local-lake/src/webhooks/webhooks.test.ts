import { isValidSignature } from '@sanity/webhook'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestLake, type TestLake } from '../test-support/lake.js'
import { startReceiver, unusedPort, type Receiver } from '../test-support/receiver.js'
import type { WebhookConfig } from '../types.js'

const SECRET = 'webhook-secret'
const PROJECTION = '{_id, _type, "slug": slug.current, "oldSlug": before().slug.current, "operation": delta::operation()}'

let running: { lake?: TestLake; receivers: Receiver[] } = { receivers: [] }

afterEach(async () => {
  await running.lake?.stop()
  for (const receiver of running.receivers) await receiver.close()
  running = { receivers: [] }
})

async function setup(hook: Partial<WebhookConfig>, statuses?: number[], retry = { attempts: 4, baseDelayMs: 30 }) {
  const receiver = await startReceiver(statuses)
  running.receivers.push(receiver)
  const log: string[] = []
  const lake = await startTestLake({
    webhooks: [
      { name: 'revalidate', url: receiver.url, filter: '_type in ["post", "cta"]', projection: PROJECTION, secret: SECRET, ...hook },
    ],
    webhookRetry: retry,
    log: (line) => log.push(line),
  })
  running.lake = lake
  return { lake, receiver, log }
}

describe('GROQ-powered webhooks', () => {
  it('sends a signed, projected payload with Sanity’s headers when a published document changes', async () => {
    const { lake, receiver } = await setup({ headers: { 'x-extra': 'yes' } })
    const result = await lake.authed
      .patch('post-two')
      .set({ slug: { _type: 'slug', current: 'desk-neck-2' } })
      .commit({ returnDocuments: false })
    await lake.lake.webhooksIdle()
    expect(receiver.requests).toHaveLength(1)
    const [request] = receiver.requests
    expect(JSON.parse(request?.body ?? '')).toEqual({
      _id: 'post-two',
      _type: 'post',
      slug: 'desk-neck-2',
      oldSlug: 'desk-neck',
      operation: 'update',
    })
    expect(request?.method).toBe('POST')
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'sanity-operation': 'update',
      'sanity-document-id': 'post-two',
      'sanity-transaction-id': result.transactionId,
      'sanity-dataset': 'production',
      'sanity-project-id': 'local',
      'sanity-webhook-id': 'revalidate',
      'x-extra': 'yes',
    })
    expect(request?.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/)
    const signature = String(request?.headers['sanity-webhook-signature'])
    expect(await isValidSignature(request?.body ?? '', signature, SECRET)).toBe(true)
    expect(await isValidSignature(request?.body ?? '', signature, 'another-secret')).toBe(false)
  })

  it('fires once for a Studio-style publish (the draft deletion is not a published change)', async () => {
    const { lake, receiver } = await setup({})
    const draft = await lake.authed.getDocument('drafts.post-one')
    await lake.authed
      .transaction()
      .createOrReplace({ ...draft, _id: 'post-one', _type: 'post' })
      .delete('drafts.post-one')
      .commit()
    await lake.lake.webhooksIdle()
    expect(receiver.requests.map((request) => request.headers['sanity-document-id'])).toEqual(['post-one'])
    expect(JSON.parse(receiver.requests[0]?.body ?? '')).toMatchObject({ operation: 'update', slug: 'quiet-mind', oldSlug: 'quiet-mind' })
  })

  it('matches the filter on the state before or after, and projects deletes from the state before', async () => {
    const { lake, receiver } = await setup({})
    await lake.authed.create({ _id: 'author-new', _type: 'author', name: 'Not matched' })
    await lake.authed.delete('post-two')
    await lake.lake.webhooksIdle()
    expect(receiver.requests).toHaveLength(1)
    expect(receiver.requests[0]?.headers['sanity-operation']).toBe('delete')
    expect(JSON.parse(receiver.requests[0]?.body ?? '')).toMatchObject({ _id: 'post-two', operation: 'delete', slug: 'desk-neck' })
  })

  it('respects "on", includeDrafts and an empty projection (the whole document)', async () => {
    const { lake, receiver } = await setup({ on: ['create'], includeDrafts: true, projection: undefined, secret: undefined })
    await lake.authed.patch('post-two').set({ title: 'Updated, not sent' }).commit()
    await lake.authed.create({ _id: 'drafts.post-three', _type: 'post', title: 'Draft three' })
    await lake.lake.webhooksIdle()
    expect(receiver.requests).toHaveLength(1)
    expect(JSON.parse(receiver.requests[0]?.body ?? '')).toMatchObject({ _id: 'drafts.post-three', title: 'Draft three' })
    expect(receiver.requests[0]?.headers['sanity-webhook-signature']).toBeUndefined()
  })

  it('retries with backoff when the target answers 5xx or 429, and gives up on other 4xx', async () => {
    const { lake, receiver, log } = await setup({}, [503, 429, 200])
    await lake.authed.patch('post-two').set({ title: 'Retry me' }).commit()
    await lake.lake.webhooksIdle()
    expect(receiver.requests).toHaveLength(3)
    expect(receiver.requests[0]?.headers['idempotency-key']).toBe(receiver.requests[2]?.headers['idempotency-key'])
    expect(log.filter((line) => line.startsWith('webhook "revalidate"'))).toHaveLength(3)

    const rejecting = await startReceiver([400])
    running.receivers.push(rejecting)
    const second = await startTestLake({
      webhooks: [{ name: 'strict', url: rejecting.url }],
      webhookRetry: { attempts: 4, baseDelayMs: 10 },
    })
    try {
      await second.authed.patch('post-two').set({ title: 'No retry' }).commit()
      await second.lake.webhooksIdle()
      expect(rejecting.requests).toHaveLength(1)
    } finally {
      await second.stop()
    }
  })

  it('delivers once the target comes up after being down', async () => {
    const port = await unusedPort()
    const log: string[] = []
    const lake = await startTestLake({
      webhooks: [{ name: 'late', url: `http://127.0.0.1:${port}/hook`, secret: SECRET }],
      webhookRetry: { attempts: 6, baseDelayMs: 100 },
      log: (line) => log.push(line),
    })
    running.lake = lake
    await lake.authed.patch('post-two').set({ title: 'Eventually' }).commit()
    // Wait for the first refused attempt, then bring the target up.
    for (let waited = 0; !log.some((line) => line.includes('retrying')) && waited < 3000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect(log.find((line) => line.includes('retrying'))).toContain('ECONNREFUSED')
    const receiver = await startReceiver([200], port)
    running.receivers.push(receiver)
    await lake.lake.webhooksIdle()
    expect(receiver.requests).toHaveLength(1)
    const request = receiver.requests[0]
    expect(await isValidSignature(request?.body ?? '', String(request?.headers['sanity-webhook-signature']), SECRET)).toBe(true)
    expect(JSON.parse(request?.body ?? '')).toMatchObject({ _id: 'post-two', title: 'Eventually' })
  })

  it('rejects bad webhook configuration at start-up, naming the webhook', async () => {
    await expect(startTestLake({ webhooks: [{ name: 'broken', url: 'http://127.0.0.1:1/x', filter: '_type ==' }] })).rejects.toThrow(
      /webhook "broken": invalid GROQ in "filter"/,
    )
    await expect(startTestLake({ webhooks: [{ name: 'nourl', url: 'not a url' }] })).rejects.toThrow(/webhook "nourl"/)
  })
})
