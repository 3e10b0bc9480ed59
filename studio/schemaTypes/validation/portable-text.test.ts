import { describe, expect, it } from 'vitest'

import { type PortableTextSpec, validatePortableText } from './portable-text'

const spec: PortableTextSpec = {
  memberTypes: ['block', 'figure'],
  styles: ['normal', 'h2'],
  lists: ['bullet'],
  decorators: ['strong'],
  annotations: ['link'],
}

function block(overrides: Record<string, unknown>) {
  return {
    _type: 'block',
    _key: 'b1',
    style: 'normal',
    markDefs: [{ _type: 'link', _key: 'l1', href: 'https://example.com' }],
    children: [{ _type: 'span', _key: 's1', text: 'Hello', marks: ['strong', 'l1'] }],
    ...overrides,
  }
}

describe('validatePortableText', () => {
  it('accepts allowed blocks, marks and member types', () => {
    expect(validatePortableText([block({}), { _type: 'figure', _key: 'f1' }], spec)).toBe(true)
    expect(validatePortableText([block({ style: undefined, listItem: 'bullet', level: 1 })], spec)).toBe(true)
  })

  it('ignores missing values (required is a separate rule)', () => {
    expect(validatePortableText(undefined, spec)).toBe(true)
  })

  it('rejects styles and list types outside the spec, pointing at the block', () => {
    expect(validatePortableText([block({ style: 'h1', listItem: 'number' })], spec)).toEqual([
      { message: 'Style "h1" is not allowed here', path: [{ _key: 'b1' }, 'style'] },
      { message: 'List type "number" is not allowed here', path: [{ _key: 'b1' }, 'listItem'] },
    ])
  })

  it('rejects unknown annotations and decorators, and marks without a definition', () => {
    const issues = validatePortableText(
      [
        block({
          markDefs: [{ _type: 'internalLink', _key: 'i1' }],
          children: [{ _type: 'span', _key: 's1', text: 'x', marks: ['em', 'i1', 'missing'] }],
        }),
      ],
      spec,
    )
    expect(issues).toEqual([
      { message: 'Annotation "internalLink" is not allowed here', path: [{ _key: 'b1' }, 'markDefs', { _key: 'i1' }] },
      {
        message: 'Mark "em" is neither an allowed decorator nor a link in this block',
        path: [{ _key: 'b1' }, 'children', { _key: 's1' }, 'marks'],
      },
      {
        message: 'Mark "missing" is neither an allowed decorator nor a link in this block',
        path: [{ _key: 'b1' }, 'children', { _key: 's1' }, 'marks'],
      },
    ])
  })

  it('rejects member types outside the spec', () => {
    expect(validatePortableText([{ _type: 'video', _key: 'v1' }, 'text'], spec)).toEqual([
      { message: '"video" blocks are not allowed here', path: [{ _key: 'v1' }] },
      { message: 'Not a Portable Text item', path: [1] },
    ])
  })
})
