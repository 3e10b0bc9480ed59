/*
 * The History API (https://www.sanity.io/docs/history-api) routes the Studio's history panel and
 * "Review changes" read: the transaction log with effects, and a document at a revision.
 */
import { applyPatch } from 'mendoza'
import { expect, it } from 'vitest'
import { api, mutate, newTransactionId, withTargets } from './target.js'

withTargets('History API', (target) => {
  it("lists a document's transactions with effects, and returns it as it was at a revision", async () => {
    const t = target()
    const id = `${t.prefix}history`
    const first = newTransactionId()
    const second = newTransactionId()
    await mutate(t, [{ create: { _id: id, _type: 'conformanceDoc', title: 'First' } }], `?transactionId=${first}`)
    await mutate(t, [{ patch: { id, set: { title: 'Second' } } }], `?transactionId=${second}`)

    const log = await fetch(
      `${t.origin}/v2025-02-19/data/history/${t.dataset}/transactions/${id}?excludeContent=true&effectFormat=mendoza&includeIdentifiedDocumentsOnly=true`,
      {
        headers: { authorization: `Bearer ${t.token}` },
      },
    )
    expect(log.status).toBe(200)
    const entries = (await log.text())
      .trim()
      .split('\n')
      .map(
        (line) => JSON.parse(line) as { id: string; documentIDs: string[]; effects: Record<string, { apply: unknown; revert: unknown }> },
      )
    expect(entries.map((entry) => entry.id)).toEqual([first, second])
    const effect = entries[1]?.effects[id]
    // The recorded effect turns the first version into the second, and back.
    const replayed = applyPatch({ _id: id, _type: 'conformanceDoc', title: 'First' }, effect?.apply as never) as Record<string, unknown>
    expect(replayed.title).toBe('Second')

    const atFirst = await api(t, `/data/history/${t.dataset}/documents/${id}?revision=${first}`)
    expect(atFirst.status).toBe(200)
    expect((atFirst.body.documents as Record<string, unknown>[])[0]).toMatchObject({ _id: id, title: 'First', _rev: first })
  })
})
