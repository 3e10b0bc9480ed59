// @vitest-environment node
/*
 * Enabling draft mode against a real local lake: the Presentation tool's secrets are documents in
 * the lake (written by the Studio), looked up by @sanity/preview-url-secret; the fixed secret is
 * for people without the Studio. Forged and expired secrets get a 401 and no draft mode.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { startLake, type Lake } from '@journal/local-lake'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

const enable = vi.fn()
vi.mock('next/headers', () => ({ draftMode: async () => ({ isEnabled: false, enable }) }))
class Redirected extends Error {
  constructor(readonly to: string) {
    super(`redirect to ${to}`)
  }
}
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Redirected(to)
  },
}))

const SEED = path.resolve(__dirname, '../../../../../../studio/seed')
const FRESH = 'fresh-secret-9f2c1a7e4b'
const EXPIRED = 'expired-secret-3d8e6b0c1f'
let lake: Lake
let work: string
let GET: (request: Request) => Promise<Response>

const secretDocument = (id: string, secret: string, updatedAt: string) => ({
  _id: id,
  _type: 'sanity.previewUrlSecret',
  _createdAt: updatedAt,
  _updatedAt: updatedAt,
  _rev: `rev-${id}`,
  secret,
  studioUrl: 'http://127.0.0.1:3333',
})

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'journal-draft-'))
  cpSync(SEED, work, { recursive: true })
  // As the Studio writes them (drafts.<id>, only the token reads them); one from two hours ago.
  appendFileSync(
    path.join(work, 'data.ndjson'),
    [
      secretDocument('drafts.sanity-preview-url-secret.fresh', FRESH, new Date().toISOString()),
      secretDocument('drafts.sanity-preview-url-secret.old', EXPIRED, new Date(Date.now() - 2 * 3600_000).toISOString()),
    ]
      .map((document) => `\n${JSON.stringify(document)}`)
      .join(''),
  )
  lake = await startLake({ port: 0, datasetDir: work, token: 'draft-token', log: () => undefined })
  Object.assign(process.env, {
    LOCAL_LAKE_URL: lake.url,
    LOCAL_LAKE_TOKEN: 'draft-token',
    SANITY_PREVIEW_SECRET: 'the-fixed-preview-secret',
  })
  ;({ GET } = await import('./route'))
})

afterAll(async () => {
  await lake?.close()
  rmSync(work, { recursive: true, force: true })
})

beforeEach(() => enable.mockClear())

async function call(query: string): Promise<{ status: number | null; redirect: string | null }> {
  try {
    const response = await GET(new Request(`http://127.0.0.1:3000/api/draft-mode/enable?${query}`))
    return { status: response.status, redirect: null }
  } catch (error) {
    if (error instanceof Redirected) return { status: null, redirect: error.to }
    throw error
  }
}

describe('/api/draft-mode/enable', () => {
  it('turns draft mode on for a secret the Presentation tool wrote to the lake, and goes to the page on this site', async () => {
    expect(await call(`sanity-preview-secret=${FRESH}&sanity-preview-pathname=%2Fblog%2Fsome-post`)).toEqual({
      status: null,
      redirect: '/blog/some-post',
    })
    expect(enable).toHaveBeenCalledTimes(1)
    // Another site as the target: the redirect stays on this site.
    expect(await call(`sanity-preview-secret=${FRESH}&sanity-preview-pathname=https%3A%2F%2Fevil.example%2Fphish`)).toEqual({
      status: null,
      redirect: '/phish',
    })
  })

  it('refuses a forged or expired Presentation secret with 401 and leaves draft mode off', async () => {
    expect(await call('sanity-preview-secret=forged-secret-0000000000&sanity-preview-pathname=%2Fblog')).toEqual({
      status: 401,
      redirect: null,
    })
    expect(await call(`sanity-preview-secret=${EXPIRED}&sanity-preview-pathname=%2Fblog`)).toEqual({ status: 401, redirect: null })
    expect(await call('sanity-preview-secret=&sanity-preview-pathname=%2Fblog')).toEqual({ status: 401, redirect: null })
    expect(enable).not.toHaveBeenCalled()
  })

  it('still takes the fixed secret, compared in full, for people without the Studio', async () => {
    expect(await call('secret=the-fixed-preview-secret&redirect=%2Fblog%2Fx')).toEqual({ status: null, redirect: '/blog/x' })
    expect(await call('secret=the-fixed-preview-secre&redirect=%2Fblog')).toEqual({ status: 401, redirect: null })
    expect(await call('secret=the-fixed-preview-secret&redirect=%2F%2Fevil.example')).toEqual({ status: null, redirect: '/blog' })
    expect(enable).toHaveBeenCalledTimes(2)
  })
})
