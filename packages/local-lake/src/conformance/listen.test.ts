/*
 * The Listen API (https://www.sanity.io/docs/http-reference/listen) as the Studio uses it:
 * `welcome` first, then one mutation event per changed document the filter matches, in commit
 * order; drafts only with a token; resuming with the last event id.
 */
import { expect, it } from 'vitest'
import { listen } from './listener.js'
import { mutate, newTransactionId, withTargets } from './target.js'

withTargets('Listen API', (target) => {
  it('sends welcome first, then events only for documents the filter matches, before or after the change', async () => {
    const t = target()
    const stream = await listen(t, '*[_type == "conformanceTopic" && rank > 1]{title} | order(title)', {}, { includeResult: 'true' })
    try {
      expect((await stream.next()).type).toBe('welcome')
      await mutate(t, [{ create: { _id: `${t.prefix}topic-low`, _type: 'conformanceTopic', rank: 1 } }])
      await mutate(t, [{ create: { _id: `${t.prefix}topic-high`, _type: 'conformanceTopic', rank: 2, title: 'High' } }])
      const appear = (await stream.next('mutation')).data
      expect(appear).toMatchObject({ documentId: `${t.prefix}topic-high`, transition: 'appear', result: { title: 'High', rank: 2 } })
      // Leaving the filter is a "disappear" for this listener, though the document still exists.
      await mutate(t, [{ patch: { id: `${t.prefix}topic-high`, set: { rank: 0 } } }])
      expect((await stream.next('mutation')).data).toMatchObject({ documentId: `${t.prefix}topic-high`, transition: 'disappear' })
      expect(await stream.settle()).toEqual([])
    } finally {
      stream.close()
    }
  })

  it('shows drafts only to a listener with a token', async () => {
    const t = target()
    const anonymous = await listen(t, '*[_type == "conformanceSecret"]', {}, {}, null)
    const authorised = await listen(t, '*[_type == "conformanceSecret"]')
    try {
      await anonymous.next('welcome')
      await authorised.next('welcome')
      await mutate(t, [{ create: { _id: `drafts.${t.prefix}secret`, _type: 'conformanceSecret' } }])
      expect((await authorised.next('mutation')).data.documentId).toBe(`drafts.${t.prefix}secret`)
      expect(await anonymous.settle()).toEqual([])
    } finally {
      anonymous.close()
      authorised.close()
    }
  })

  it('resumes from the last event id with the events missed in between', async () => {
    const t = target()
    const ids = [`${t.prefix}resumed`]
    const first = await listen(t, '*[_id in $ids]', { ids }, { enableResume: 'true' })
    await first.next('welcome')
    const created = newTransactionId()
    await mutate(t, [{ create: { _id: ids[0], _type: 'conformanceDoc', n: 1 } }], `?transactionId=${created}`)
    const seen = await first.next('mutation')
    first.close()
    expect(seen.id).toBe(`${created}#${ids[0]}`)
    await mutate(t, [{ patch: { id: ids[0], set: { n: 2 } } }])
    await mutate(t, [{ patch: { id: ids[0], set: { n: 3 } } }])

    const resumed = await listen(t, '*[_id in $ids]', { ids }, { enableResume: 'true', lastEventId: seen.id ?? '' })
    try {
      expect((await resumed.next()).type).toBe('welcomeback')
      const missed = [await resumed.next('mutation'), await resumed.next('mutation')]
      expect(missed.map((event) => event.data.previousRev)).toEqual([created, missed[0]?.data.resultRev])
    } finally {
      resumed.close()
    }
  })

  it('asks a client to start afresh (reset) when it cannot resume', async () => {
    const t = target()
    const stream = await listen(
      t,
      '*[_id in $ids]',
      { ids: [`${t.prefix}x`] },
      { enableResume: 'true', lastEventId: 'unknown-transaction#x' },
    )
    try {
      expect((await stream.next()).type).toBe('reset')
    } finally {
      stream.close()
    }
  })

  it('refuses a query that is not a document filter with 400', async () => {
    const t = target()
    const stream = await listen(t, 'count(*)')
    stream.close()
    expect(stream.status).toBe(400)
  })
})
