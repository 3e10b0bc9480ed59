import { applyPatch } from 'mendoza'
import { describe, expect, it } from 'vitest'
import { effectsOf, mendozaPatch, sameJson } from './mendoza.js'

const before = {
  _id: 'p',
  _type: 'post',
  _rev: 'r1',
  _updatedAt: '2025-01-01T00:00:00Z',
  title: 'Old',
  tags: ['a'],
  seo: { noIndex: false },
}

describe('mendozaPatch', () => {
  it('produces patches that mendoza itself applies back to the target', () => {
    const cases: [unknown, unknown][] = [
      [
        { a: 1, b: [1, 2] },
        { a: 2, b: [1, 2], c: { d: 'e' } },
      ],
      [{ a: 1, b: 2 }, { a: 1 }],
      [{ a: 1 }, { a: 1 }],
      [null, { a: 1 }],
      [{ a: 1 }, null],
      ['text', 'other'],
    ]
    for (const [from, to] of cases) expect(applyPatch(from, mendozaPatch(from, to))).toEqual(to)
  })

  it('names only the changed fields when nothing was removed', () => {
    expect(mendozaPatch({ a: 1, b: 2 }, { a: 1, b: 3 })).toEqual([17, 3, 'b'])
    expect(mendozaPatch({ a: 1 }, { a: 1 })).toEqual([])
  })

  it('marks creation and deletion the way the Studio recognises them ([0, null])', () => {
    expect(effectsOf(null, before).revert).toEqual([0, null])
    expect(effectsOf(before, null).apply).toEqual([0, null])
  })

  it('leaves _rev out of both sides, since readers set it from the event', () => {
    const after = { ...before, _rev: 'r2', title: 'New' }
    const { apply, revert } = effectsOf(before, after)
    const { _rev, ...base } = before
    expect(applyPatch(base, apply)).toEqual({ ...base, title: 'New' })
    expect(applyPatch({ ...base, title: 'New' }, revert)).toEqual(base)
  })
})

describe('sameJson', () => {
  it('ignores key order but not values', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true)
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(sameJson([1, 2], [2, 1])).toBe(false)
  })
})
