/*
 * The Actions API as Studio 5 uses it (https://www.sanity.io/docs/http-reference/actions), with
 * the listener events that echo each transaction: what the Studio waits for before it calls an
 * edit saved or a publish done.
 */
import { expect, it } from 'vitest'
import { listen } from './listener.js'
import { actions, getDocuments, newTransactionId, withTargets } from './target.js'

const edit = (publishedId: string, patch: Record<string, unknown>) => ({
  actionType: 'sanity.action.document.edit',
  draftId: `drafts.${publishedId}`,
  publishedId,
  patch,
})

withTargets('Actions API', (target) => {
  it('creates, edits and publishes a draft, echoing each transaction on the listener', async () => {
    const t = target()
    const id = `${t.prefix}post-a`
    const stream = await listen(
      t,
      '*[_id in $ids]',
      { ids: [id, `drafts.${id}`] },
      { effectFormat: 'mendoza', includeAllVersions: 'true', enableResume: 'true' },
    )
    try {
      expect(stream.status).toBe(200)
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/)
      expect((await stream.next()).type).toBe('welcome')

      const created = newTransactionId()
      const create = await actions(
        t,
        [
          {
            actionType: 'sanity.action.document.create',
            publishedId: id,
            attributes: { _id: `drafts.${id}`, _type: 'conformanceDoc', title: 'One' },
            ifExists: 'fail',
          },
        ],
        created,
      )
      expect(create).toEqual({ status: 200, body: { transactionId: created } })
      const appear = (await stream.next('mutation')).data
      expect(appear).toMatchObject({
        documentId: `drafts.${id}`,
        transactionId: created,
        resultRev: created,
        transition: 'appear',
        transactionTotalEvents: 1,
      })
      // A document that did not exist has no previous revision at all (not null).
      expect('previousRev' in appear).toBe(false)
      expect(Object.keys((appear.mutations as Record<string, unknown>[])[0] ?? {})[0]).toMatch(/^create/)
      expect((appear.effects as { revert: unknown }).revert).toEqual([0, null])

      const edited = newTransactionId()
      expect((await actions(t, [edit(id, { set: { title: 'Two' } })], edited)).status).toBe(200)
      const update = (await stream.next('mutation')).data
      expect(update).toMatchObject({
        documentId: `drafts.${id}`,
        transactionId: edited,
        previousRev: created,
        resultRev: edited,
        transition: 'update',
      })
      expect(update.mutations).toEqual([{ patch: { id: `drafts.${id}`, set: { title: 'Two' } } }])

      // The Studio's guard edit changes nothing, yet is a transaction with a new revision and an echo.
      const guarded = newTransactionId()
      expect((await actions(t, [edit(id, { unset: ['_empty_action_guard_pseudo_field_'] })], guarded)).status).toBe(200)
      expect((await stream.next('mutation')).data).toMatchObject({ previousRev: edited, resultRev: guarded })

      const published = newTransactionId()
      expect(
        (await actions(t, [{ actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id }], published)).status,
      ).toBe(200)
      const both = [(await stream.next('mutation')).data, (await stream.next('mutation')).data]
      const byDocument = Object.fromEntries(
        both.map((event) => [event.documentId, [event.transition, event.transactionTotalEvents, event.transactionId]]),
      )
      expect(byDocument).toEqual({ [`drafts.${id}`]: ['disappear', 2, published], [id]: ['appear', 2, published] })
      const [publishedDocument, draft] = await getDocuments(t, [id, `drafts.${id}`])
      expect(publishedDocument).toMatchObject({ _id: id, _type: 'conformanceDoc', title: 'Two', _rev: published })
      expect(draft).toBeNull()
    } finally {
      stream.close()
    }
  })

  it('edits a published document by drafting a copy of it first', async () => {
    const t = target()
    const id = `${t.prefix}post-b`
    await actions(t, [
      {
        actionType: 'sanity.action.document.create',
        publishedId: id,
        attributes: { _id: `drafts.${id}`, _type: 'conformanceDoc', title: 'Kept', body: 'text' },
      },
    ])
    await actions(t, [{ actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id }])
    expect((await actions(t, [edit(id, { set: { title: 'Changed' } })])).status).toBe(200)
    const [published, draft] = await getDocuments(t, [id, `drafts.${id}`])
    expect(published).toMatchObject({ title: 'Kept', body: 'text' })
    expect(draft).toMatchObject({ _id: `drafts.${id}`, title: 'Changed', body: 'text' })
  })

  it('refuses a publish whose published revision guard is stale (409) and changes nothing', async () => {
    const t = target()
    const id = `${t.prefix}post-c`
    await actions(t, [
      {
        actionType: 'sanity.action.document.create',
        publishedId: id,
        attributes: { _id: `drafts.${id}`, _type: 'conformanceDoc', title: 'First' },
      },
    ])
    await actions(t, [{ actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id }])
    await actions(t, [edit(id, { set: { title: 'Second' } })])
    const [before, draftBefore] = await getDocuments(t, [id, `drafts.${id}`])
    const stale = await actions(t, [
      { actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id, ifPublishedRevisionId: 'not-the-revision' },
    ])
    expect(stale.status).toBe(409)
    expect(typeof stale.body.error === 'object' && stale.body.error.description).toBeTruthy()
    expect(await getDocuments(t, [id, `drafts.${id}`])).toEqual([before, draftBefore])
    const fresh = await actions(t, [
      { actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id, ifPublishedRevisionId: before?._rev },
    ])
    expect(fresh.status).toBe(200)
    expect((await getDocuments(t, [id]))[0]).toMatchObject({ title: 'Second' })
  })

  it('refuses malformed actions with 400 and changes nothing', async () => {
    const t = target()
    const id = `${t.prefix}post-d`
    for (const bad of [
      { actionType: 'sanity.action.document.frobnicate', publishedId: id },
      { actionType: 'sanity.action.document.create', attributes: { _id: `drafts.${id}`, _type: 'conformanceDoc' } },
      { actionType: 'sanity.action.document.edit', draftId: `drafts.other-${id}`, publishedId: id, patch: { set: { title: 'x' } } },
    ]) {
      const response = await actions(t, [bad])
      expect(response.status, JSON.stringify(bad)).toBe(400)
      expect(typeof response.body.error === 'object' && typeof response.body.error.description).toBe('string')
    }
    expect((await actions(t, [])).status).toBe(400)
    expect(await getDocuments(t, [id, `drafts.${id}`])).toEqual([null, null])
  })

  it("applies all of a request's actions or none of them", async () => {
    const t = target()
    const id = `${t.prefix}post-e`
    const response = await actions(t, [
      {
        actionType: 'sanity.action.document.create',
        publishedId: id,
        attributes: { _id: `drafts.${id}`, _type: 'conformanceDoc', title: 'Never' },
      },
      { actionType: 'sanity.action.document.discard', draftId: `drafts.${t.prefix}missing` },
    ])
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(await getDocuments(t, [`drafts.${id}`])).toEqual([null])
  })

  it('refuses a transaction id that was used before (409)', async () => {
    const t = target()
    const id = `${t.prefix}post-f`
    const transactionId = newTransactionId()
    expect(
      (
        await actions(
          t,
          [{ actionType: 'sanity.action.document.create', publishedId: id, attributes: { _id: `drafts.${id}`, _type: 'conformanceDoc' } }],
          transactionId,
        )
      ).status,
    ).toBe(200)
    const again = await actions(t, [edit(id, { set: { title: 'Twice' } })], transactionId)
    expect(again.status).toBe(409)
    expect((await getDocuments(t, [`drafts.${id}`]))[0]).not.toHaveProperty('title')
  })

  it('unpublishes (keeping the content as a draft), discards and deletes', async () => {
    const t = target()
    const id = `${t.prefix}post-g`
    await actions(t, [
      {
        actionType: 'sanity.action.document.create',
        publishedId: id,
        attributes: { _id: `drafts.${id}`, _type: 'conformanceDoc', title: 'Live' },
      },
    ])
    await actions(t, [{ actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id }])
    expect((await actions(t, [{ actionType: 'sanity.action.document.unpublish', draftId: `drafts.${id}`, publishedId: id }])).status).toBe(
      200,
    )
    expect(await getDocuments(t, [id, `drafts.${id}`])).toEqual([null, expect.objectContaining({ title: 'Live' })])
    expect((await actions(t, [{ actionType: 'sanity.action.document.discard', draftId: `drafts.${id}` }])).status).toBe(200)
    expect(await getDocuments(t, [id, `drafts.${id}`])).toEqual([null, null])

    await actions(t, [
      {
        actionType: 'sanity.action.document.create',
        publishedId: id,
        attributes: { _id: `drafts.${id}`, _type: 'conformanceDoc', title: 'Again' },
      },
    ])
    await actions(t, [{ actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id }])
    await actions(t, [edit(id, { set: { title: 'Pending' } })])
    expect(
      (await actions(t, [{ actionType: 'sanity.action.document.delete', publishedId: id, includeDrafts: [`drafts.${id}`] }])).status,
    ).toBe(200)
    expect(await getDocuments(t, [id, `drafts.${id}`])).toEqual([null, null])
  })
})
