import { describe, expect, it } from 'vitest'
import { applyPatch, PatchError } from './patch.js'
import { parsePath, PathSyntaxError } from './patch-path.js'

const doc = () => ({
  _id: 'x',
  _type: 't',
  title: 'T',
  count: 1,
  tags: ['a', 'b', 'c'],
  body: [
    { _key: 'k1', text: 'one', marks: ['em'] },
    { _key: 'k2', text: 'two', marks: [] },
  ],
})

describe('parsePath', () => {
  it('reads attributes, indices, slices, keys and wildcards', () => {
    expect(parsePath('body[_key=="k1"].marks[-1]')).toEqual([
      { kind: 'attr', name: 'body' },
      { kind: 'match', attr: '_key', value: 'k1' },
      { kind: 'attr', name: 'marks' },
      { kind: 'index', index: -1 },
    ])
    expect(parsePath('tags[1:]')).toEqual([
      { kind: 'attr', name: 'tags' },
      { kind: 'slice', start: 1, end: undefined },
    ])
    expect(parsePath('body[*].text')).toEqual([{ kind: 'attr', name: 'body' }, { kind: 'all' }, { kind: 'attr', name: 'text' }])
    expect(parsePath('["odd key"]')).toEqual([{ kind: 'attr', name: 'odd key' }])
    expect(() => parsePath('a..b')).toThrow(PathSyntaxError)
    expect(() => parsePath('a[')).toThrow(PathSyntaxError)
  })
})

describe('applyPatch', () => {
  it('does not touch the original document', () => {
    const original = doc()
    applyPatch(original, { set: { title: 'changed' } })
    expect(original.title).toBe('T')
  })

  it('sets nested paths, creating missing objects', () => {
    expect(applyPatch(doc(), { set: { 'seo.meta.title': 'S' } })).toMatchObject({ seo: { meta: { title: 'S' } } })
    expect(applyPatch(doc(), { set: { 'body[*].text': 'same' } }).body.map((block) => block.text)).toEqual(['same', 'same'])
    // An index that isn't there selects nothing.
    expect(applyPatch(doc(), { set: { 'tags[9]': 'z' } }).tags).toEqual(['a', 'b', 'c'])
  })

  it('applies setIfMissing before set and unset after both, as Sanity does', () => {
    const patched = applyPatch(doc(), {
      setIfMissing: { extra: 1, title: 'no' },
      set: { extra: 2 },
      unset: ['count', 'body[_key=="k2"]', 'tags[0:2]'],
    })
    expect(patched).toMatchObject({ extra: 2, title: 'T', tags: ['c'] })
    expect(patched.count).toBeUndefined()
    expect(patched.body).toHaveLength(1)
  })

  it('increments and decrements numbers only', () => {
    expect(applyPatch(doc(), { inc: { count: 2 }, dec: { count: 5 } }).count).toBe(-2)
    expect(applyPatch(doc(), { inc: { title: 1, missing: 1 } })).toMatchObject({ title: 'T' })
    expect(() => applyPatch(doc(), { inc: { count: 'x' } })).toThrow(PatchError)
  })

  it('inserts before, after and in place of array items', () => {
    expect(applyPatch(doc(), { insert: { before: 'tags[0]', items: ['z'] } }).tags).toEqual(['z', 'a', 'b', 'c'])
    expect(applyPatch(doc(), { insert: { after: 'tags[-1]', items: ['z'] } }).tags).toEqual(['a', 'b', 'c', 'z'])
    expect(applyPatch(doc(), { insert: { after: 'body[_key=="k1"]', items: [{ _key: 'n' }] } }).body.map((block) => block._key)).toEqual([
      'k1',
      'n',
      'k2',
    ])
    expect(applyPatch(doc(), { insert: { replace: 'tags[1:]', items: ['y'] } }).tags).toEqual(['a', 'y'])
    expect(applyPatch(doc(), { insert: { after: 'list[-1]', items: [1] } })).toMatchObject({ list: [1] })
    expect(() => applyPatch(doc(), { insert: { after: 'tags', items: [1] } })).toThrow(PatchError)
    expect(() => applyPatch(doc(), { insert: { before: 'tags[0]', after: 'tags[0]', items: [1] } })).toThrow(PatchError)
  })

  it('applies diffMatchPatch to text, as the Studio sends each keystroke', () => {
    // Written by hand from the diff-match-patch text format: replace "one" with "ONE!" in body[0].text.
    const patched = applyPatch(doc(), { diffMatchPatch: { 'body[_key=="k1"].text': '@@ -1,3 +1,4 @@\n-one\n+ONE!\n' } })
    expect(patched.body[0]?.text).toBe('ONE!')
    // Applied after set, as @sanity/mutator does: the set value is what gets patched.
    expect(applyPatch(doc(), { set: { title: 'abc' }, diffMatchPatch: { title: '@@ -1,3 +1,4 @@\n abc\n+d\n' } }).title).toBe('abcd')
    // Non-text targets are left alone; malformed patches are the client's error.
    expect(applyPatch(doc(), { diffMatchPatch: { count: '@@ -1,1 +1,1 @@\n-1\n+2\n' } }).count).toBe(1)
    expect(() => applyPatch(doc(), { diffMatchPatch: { title: 'not a patch' } })).toThrow(PatchError)
    expect(() => applyPatch(doc(), { diffMatchPatch: { title: 3 } })).toThrow(PatchError)
  })

  it('refuses unknown operations and changing _id', () => {
    expect(() => applyPatch(doc(), { frobnicate: {} })).toThrow(/unknown patch operation/)
    expect(() => applyPatch(doc(), { set: { _id: 'y' } })).toThrow(/cannot patch _id/)
  })
})
