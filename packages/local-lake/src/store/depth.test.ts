import { describe, expect, it } from 'vitest'
import { MAX_DOCUMENT_DEPTH, nestsDeeperThan } from './depth.js'

function nested(levels: number): unknown {
  let value: unknown = 'leaf'
  for (let level = 0; level < levels; level += 1) value = level % 2 ? [value] : { child: value }
  return value
}

describe('nestsDeeperThan', () => {
  it('counts levels of objects and arrays, not scalars', () => {
    expect(nestsDeeperThan('text', 0)).toBe(false)
    expect(nestsDeeperThan({}, 0)).toBe(true)
    expect(nestsDeeperThan({ a: [1, { b: 2 }] }, 3)).toBe(false)
    expect(nestsDeeperThan({ a: [1, { b: {} }] }, 3)).toBe(true)
    expect(nestsDeeperThan(nested(MAX_DOCUMENT_DEPTH), MAX_DOCUMENT_DEPTH)).toBe(false)
    expect(nestsDeeperThan(nested(MAX_DOCUMENT_DEPTH + 1), MAX_DOCUMENT_DEPTH)).toBe(true)
  })

  it('measures values far deeper than the stack allows recursion for', () => {
    expect(nestsDeeperThan(nested(1_000_000), MAX_DOCUMENT_DEPTH)).toBe(true)
  })
})
