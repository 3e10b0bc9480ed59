/*
 * The subset of Sanity's patch path syntax (JSONMatch) that editors and scripts use:
 * `title`, `seo.metaTitle`, `body[0]`, `tags[-1]`, `body[_key=="a1"].children[0].text`,
 * `items[*]`, `items[2:4]`, `["odd key"]`.
 */

export type PathSegment =
  | { kind: 'attr'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'slice'; start: number | undefined; end: number | undefined }
  | { kind: 'all' }
  | { kind: 'match'; attr: string; value: string | number | boolean }

export class PathSyntaxError extends Error {
  override name = 'PathSyntaxError'
}

const IDENT = /^[A-Za-z_$][\w$-]*/
const INT = /^-?\d+/

export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = []
  let rest = path.trim()
  const fail = (): PathSyntaxError => new PathSyntaxError(`invalid patch path "${path}"`)
  let expectAttr = true
  while (rest.length > 0) {
    if (rest.startsWith('[')) {
      const close = findClosingBracket(rest)
      if (close === -1) throw fail()
      segments.push(parseSelector(rest.slice(1, close).trim(), fail))
      rest = rest.slice(close + 1)
      expectAttr = false
      continue
    }
    if (!expectAttr) {
      if (!rest.startsWith('.')) throw fail()
      rest = rest.slice(1)
    }
    const ident = IDENT.exec(rest)
    if (!ident) throw fail()
    segments.push({ kind: 'attr', name: ident[0] })
    rest = rest.slice(ident[0].length)
    expectAttr = false
  }
  if (segments.length === 0) throw fail()
  return segments
}

function findClosingBracket(text: string): number {
  let quote: string | undefined
  for (let i = 1; i < text.length; i++) {
    const char = text[i]
    if (quote) {
      if (char === '\\') i++
      else if (char === quote) quote = undefined
    } else if (char === '"' || char === "'") {
      quote = char
    } else if (char === ']') {
      return i
    }
  }
  return -1
}

function parseSelector(inner: string, fail: () => PathSyntaxError): PathSegment {
  if (inner === '' || inner === '*') return { kind: 'all' }
  if (/^-?\d+$/.test(inner)) return { kind: 'index', index: Number(inner) }
  const slice = /^(-?\d+)?\s*:\s*(-?\d+)?$/.exec(inner)
  if (slice) {
    return {
      kind: 'slice',
      start: slice[1] === undefined ? undefined : Number(slice[1]),
      end: slice[2] === undefined ? undefined : Number(slice[2]),
    }
  }
  const quoted = parseLiteral(inner)
  if (typeof quoted === 'string' && quoted.length + 2 === inner.length) return { kind: 'attr', name: quoted }
  const match = /^([A-Za-z_$][\w$-]*)\s*==\s*(.+)$/.exec(inner)
  if (match?.[1] && match[2]) {
    const value = parseLiteral(match[2].trim())
    if (value === undefined) throw fail()
    return { kind: 'match', attr: match[1], value }
  }
  throw fail()
}

function parseLiteral(text: string): string | number | boolean | undefined {
  if (text === 'true') return true
  if (text === 'false') return false
  if (INT.test(text) && !Number.isNaN(Number(text))) return Number(text)
  const quote = text[0]
  if ((quote === '"' || quote === "'") && text.endsWith(quote) && text.length >= 2) {
    return text.slice(1, -1).replace(/\\(.)/g, '$1')
  }
  return undefined
}

/** Indices of `array` that a selector segment picks, in ascending order. */
export function selectIndices(array: unknown[], segment: PathSegment): number[] {
  switch (segment.kind) {
    case 'index': {
      const index = segment.index < 0 ? array.length + segment.index : segment.index
      return index >= 0 && index < array.length ? [index] : []
    }
    case 'slice': {
      const normalize = (value: number): number => Math.min(Math.max(value < 0 ? array.length + value : value, 0), array.length)
      const start = normalize(segment.start ?? 0)
      const end = normalize(segment.end ?? array.length)
      return Array.from({ length: Math.max(end - start, 0) }, (_, offset) => start + offset)
    }
    case 'all':
      return array.map((_, index) => index)
    case 'match':
      return array.flatMap((item, index) =>
        typeof item === 'object' && item !== null && (item as Record<string, unknown>)[segment.attr] === segment.value ? [index] : [],
      )
    case 'attr':
      return []
  }
}
