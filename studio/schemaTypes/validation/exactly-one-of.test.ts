import { describe, expect, it } from 'vitest'

import { isFilledIn, validateExactlyOneOf } from './exactly-one-of'

const labels = { url: 'a URL', treatment: 'a treatment' }
const treatment = { _type: 'reference', _ref: 'treatment-total-back' }

describe('validateExactlyOneOf', () => {
  it('accepts exactly one field set', () => {
    expect(validateExactlyOneOf({ url: 'https://book.stillpoint.example' }, labels)).toBe(true)
    expect(validateExactlyOneOf({ treatment }, labels)).toBe(true)
  })

  it('rejects neither set, naming both fields', () => {
    expect(validateExactlyOneOf({}, labels)).toBe('Set either a URL or a treatment')
    expect(validateExactlyOneOf(undefined, labels)).toBe('Set either a URL or a treatment')
  })

  it('rejects both set', () => {
    expect(validateExactlyOneOf({ url: 'https://x.example', treatment }, labels)).toMatch(/only one/)
  })

  it('does not count emptied inputs as set', () => {
    expect(validateExactlyOneOf({ url: '  ', treatment }, labels)).toBe(true)
    expect(validateExactlyOneOf({ url: 'https://x.example', treatment: { _type: 'reference' } }, labels)).toBe(true)
  })
})

describe('isFilledIn', () => {
  it('treats null, undefined, blank strings and empty references as unset', () => {
    expect(isFilledIn(null)).toBe(false)
    expect(isFilledIn(undefined)).toBe(false)
    expect(isFilledIn('')).toBe(false)
    expect(isFilledIn({ _type: 'reference', _ref: '' })).toBe(false)
  })

  it('treats numbers, booleans and objects as set', () => {
    expect(isFilledIn(0)).toBe(true)
    expect(isFilledIn(false)).toBe(true)
    expect(isFilledIn({ _type: 'reference', _ref: 'x' })).toBe(true)
  })
})
