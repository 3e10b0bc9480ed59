import { describe, expect, it } from 'vitest'

import { booleanFieldOf, hasField, stringFieldOf } from './parent-field'

describe('parent field readers', () => {
  const parent = { discountType: 'amount', decorative: true, discountValue: 10, asset: null }

  it('reads fields of the expected type', () => {
    expect(stringFieldOf(parent, 'discountType')).toBe('amount')
    expect(booleanFieldOf(parent, 'decorative')).toBe(true)
  })

  it('returns undefined for fields of another type or missing fields', () => {
    expect(stringFieldOf(parent, 'discountValue')).toBeUndefined()
    expect(booleanFieldOf(parent, 'discountType')).toBeUndefined()
    expect(stringFieldOf(parent, 'missing')).toBeUndefined()
  })

  it('tolerates parents that are not objects', () => {
    expect(stringFieldOf(undefined, 'x')).toBeUndefined()
    expect(stringFieldOf('text', 'length')).toBeUndefined()
    expect(hasField(null, 'x')).toBe(false)
  })

  it('treats null as absent', () => {
    expect(hasField(parent, 'asset')).toBe(false)
    expect(hasField(parent, 'discountValue')).toBe(true)
  })
})
