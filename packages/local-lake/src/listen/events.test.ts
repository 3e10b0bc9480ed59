import { Mutation } from '@sanity/mutator'
import { describe, expect, it } from 'vitest'
import type { DocumentChange, PreparedTransaction } from '../store/transaction.js'
import type { LakeDocument } from '../types.js'
import { mutationEvents, reportedMutations } from './events.js'

const before: LakeDocument = {
  _id: 'p',
  _type: 'post',
  _rev: 'r1',
  _createdAt: '2025-01-01T00:00:00Z',
  _updatedAt: '2025-01-01T00:00:00Z',
  title: 'Old',
  tags: ['a'],
}

function transactionOf(change: DocumentChange, applied: Record<string, unknown>[]): PreparedTransaction {
  return {
    transactionId: 'tx2',
    timestamp: '2025-02-02T00:00:00.000Z',
    identity: 'p-local-editor',
    results: [],
    changes: new Map([[change.id, change]]),
    mutationsByDocument: new Map([[change.id, applied]]),
  }
}

describe('reportedMutations', () => {
  it("reports the applied mutations when the Studio's mutator reproduces the stored document with them", () => {
    const applied = [{ patch: { id: 'p', set: { title: 'New' } } }]
    const change = { id: 'p', before, after: { ...before, _rev: 'tx2', _updatedAt: '2025-02-02T00:00:00.000Z', title: 'New' } }
    expect(reportedMutations(change, applied, transactionOf(change, applied))).toEqual(applied)
  })

  it('reports the stored document instead when the mutations would not reproduce it', () => {
    // As with autoGenerateArrayKeys: the lake added a _key that the mutation does not carry.
    const applied = [{ patch: { id: 'p', set: { items: [{ name: 'x' }] } } }]
    const after = { ...before, _rev: 'tx2', _updatedAt: '2025-02-02T00:00:00.000Z', items: [{ _key: 'k1', name: 'x' }] }
    const change = { id: 'p', before, after }
    const reported = reportedMutations(change, applied, transactionOf(change, applied))
    expect(reported).toEqual([
      {
        createOrReplace: {
          _id: 'p',
          _type: 'post',
          _createdAt: before._createdAt,
          title: 'Old',
          tags: ['a'],
          items: [{ _key: 'k1', name: 'x' }],
        },
      },
    ])
    // Whatever is reported, applying it as the Studio does gives exactly what the lake stored.
    const replayed = new Mutation({ mutations: reported, resultRev: 'tx2', timestamp: '2025-02-02T00:00:00.000Z' }).apply(before as never)
    expect(replayed).toEqual(after)
  })

  it('reports a deletion as a delete of that document', () => {
    const change = { id: 'p', before, after: null }
    expect(reportedMutations(change, undefined, transactionOf(change, []))).toEqual([{ delete: { id: 'p' } }])
  })
})

describe('mutationEvents', () => {
  it("omits previousRev for a document that did not exist, and counts only this listener's events", () => {
    const created = { id: 'n', before: null, after: { ...before, _id: 'n', _rev: 'tx2' } }
    const transaction = transactionOf(created, [{ create: { _id: 'n', _type: 'post' } }])
    const [event] = mutationEvents(transaction, [{ change: created, matchedBefore: false, matchedAfter: true }], {
      includeMutations: true,
      includePreviousRevision: false,
      includeResult: false,
      mendoza: true,
    })
    expect(event).toMatchObject({
      transition: 'appear',
      resultRev: 'tx2',
      transactionTotalEvents: 1,
      transactionCurrentEvent: 0,
      visibility: 'query',
      identity: 'p-local-editor',
    })
    expect(event && 'previousRev' in event).toBe(false)
    expect(event?.effects?.revert).toEqual([0, null])
  })
})
