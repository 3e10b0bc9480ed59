import { applyPatches, parsePatch, type Patch as TextPatch } from '@sanity/diff-match-patch'
import { parsePath, selectIndices, type PathSegment } from './patch-path.js'

/** A patch that can't be applied as written (bad path, wrong value types): the client's fault. */
export class PatchError extends Error {
  override name = 'PatchError'
}

type Container = Record<string, unknown> | unknown[]

interface Location {
  parent: Container
  key: string | number
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null
}

function read(location: Location): unknown {
  return Array.isArray(location.parent)
    ? location.parent[location.key as number]
    : (location.parent as Record<string, unknown>)[location.key as string]
}

function write(location: Location, value: unknown): void {
  if (Array.isArray(location.parent)) location.parent[location.key as number] = value
  else (location.parent as Record<string, unknown>)[location.key as string] = value
}

function step(container: Container, segment: PathSegment): Location[] {
  if (segment.kind === 'attr') return isRecord(container) ? [{ parent: container, key: segment.name }] : []
  if (!Array.isArray(container)) return []
  return selectIndices(container, segment).map((index) => ({ parent: container, key: index }))
}

/** Where a path points; with `create`, missing intermediate objects are made on the way. */
function locate(root: Record<string, unknown>, segments: PathSegment[], create: boolean): Location[] {
  let containers: Container[] = [root]
  for (const segment of segments.slice(0, -1)) {
    const next: Container[] = []
    for (const container of containers) {
      for (const location of step(container, segment)) {
        let value = read(location)
        if (value === undefined && create && segment.kind === 'attr') {
          value = {}
          write(location, value)
        }
        if (isContainer(value)) next.push(value)
      }
    }
    containers = next
  }
  const last = segments.at(-1)
  return last ? containers.flatMap((container) => step(container, last)) : []
}

function pathsOf(value: unknown, operation: string): [PathSegment[], unknown][] {
  if (!isRecord(value)) throw new PatchError(`${operation} must be an object of path: value`)
  return Object.entries(value).map(([path, operand]) => [guardedPath(path), operand])
}

function guardedPath(path: string): PathSegment[] {
  const segments = parsePath(path)
  const first = segments[0]
  if (segments.length === 1 && first?.kind === 'attr' && (first.name === '_id' || first.name === '_rev')) {
    throw new PatchError(`cannot patch ${first.name}`)
  }
  return segments
}

const KNOWN_OPERATIONS = new Set([
  'id',
  'query',
  'params',
  'ifRevisionID',
  'set',
  'setIfMissing',
  'unset',
  'diffMatchPatch',
  'inc',
  'dec',
  'insert',
])

/**
 * Applies one patch's operations to a copy of `document`, in the order Sanity applies them
 * (setIfMissing, set, unset, diffMatchPatch, inc, dec, insert: the order of @sanity/mutator, which
 * the Studio uses for its optimistic copy, so both sides arrive at the same document).
 */
export function applyPatch<T extends Record<string, unknown>>(document: T, patch: Record<string, unknown>): T {
  for (const key of Object.keys(patch)) {
    if (!KNOWN_OPERATIONS.has(key)) throw new PatchError(`unknown patch operation "${key}"`)
  }
  const root = structuredClone(document) as Record<string, unknown>
  if (patch.setIfMissing !== undefined) {
    for (const [segments, value] of pathsOf(patch.setIfMissing, 'setIfMissing')) {
      for (const location of locate(root, segments, true)) {
        if (read(location) === undefined) write(location, structuredClone(value))
      }
    }
  }
  if (patch.set !== undefined) {
    for (const [segments, value] of pathsOf(patch.set, 'set')) {
      for (const location of locate(root, segments, true)) write(location, structuredClone(value))
    }
  }
  if (patch.unset !== undefined) {
    if (!Array.isArray(patch.unset) || !patch.unset.every((path) => typeof path === 'string')) {
      throw new PatchError('unset must be an array of paths')
    }
    for (const path of patch.unset as string[]) unset(root, guardedPath(path))
  }
  if (patch.diffMatchPatch !== undefined) {
    for (const [segments, operand] of pathsOf(patch.diffMatchPatch, 'diffMatchPatch')) {
      const textPatch = parseTextPatch(operand)
      for (const location of locate(root, segments, false)) {
        const current = read(location)
        // As in @sanity/mutator: a patch meant for text leaves anything that is not text alone.
        if (typeof current === 'string') write(location, applyPatches(textPatch, current, { allowExceedingIndices: true })[0])
      }
    }
  }
  for (const [operation, sign] of [
    ['inc', 1],
    ['dec', -1],
  ] as const) {
    if (patch[operation] === undefined) continue
    for (const [segments, amount] of pathsOf(patch[operation], operation)) {
      if (typeof amount !== 'number') throw new PatchError(`${operation} needs a number`)
      for (const location of locate(root, segments, false)) {
        const current = read(location)
        if (typeof current === 'number') write(location, current + sign * amount)
      }
    }
  }
  if (patch.insert !== undefined) insert(root, patch.insert)
  return root as T
}

function parseTextPatch(operand: unknown): TextPatch[] {
  if (typeof operand !== 'string') throw new PatchError('diffMatchPatch needs a patch in diff-match-patch text format')
  try {
    return parsePatch(operand)
  } catch (error) {
    throw new PatchError(`invalid diffMatchPatch: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function unset(root: Record<string, unknown>, segments: PathSegment[]): void {
  const locations = locate(root, segments, false)
  // Remove array items from the back so earlier indices stay valid.
  const ordered = [...locations].sort((a, b) => (typeof a.key === 'number' && typeof b.key === 'number' ? b.key - a.key : 0))
  for (const location of ordered) {
    if (Array.isArray(location.parent)) location.parent.splice(location.key as number, 1)
    else delete (location.parent as Record<string, unknown>)[location.key as string]
  }
}

function insert(root: Record<string, unknown>, spec: unknown): void {
  if (!isRecord(spec) || !Array.isArray(spec.items)) throw new PatchError('insert needs items (an array)')
  const positions = (['before', 'after', 'replace'] as const).filter((position) => typeof spec[position] === 'string')
  const position = positions[0]
  if (positions.length !== 1 || position === undefined) {
    throw new PatchError('insert needs exactly one of before, after or replace')
  }
  const segments = parsePath(spec[position] as string)
  const selector = segments.at(-1)
  if (!selector || selector.kind === 'attr') throw new PatchError(`insert path "${String(spec[position])}" must select array items`)
  const items = spec.items
  const arrays = segments.length === 1 ? [] : locate(root, segments.slice(0, -1), true)
  for (const location of arrays) {
    let array = read(location)
    if (array === undefined) {
      array = []
      write(location, array)
    }
    if (!Array.isArray(array)) throw new PatchError(`insert target "${String(spec[position])}" is not an array`)
    const indices = selectIndices(array, selector)
    const first = indices[0]
    const last = indices.at(-1)
    const copies = structuredClone(items)
    if (first === undefined || last === undefined) {
      // An index into an empty array (`[0]`, `[-1]`) means "the start"; a key that isn't there means nothing.
      if (array.length === 0 && selector.kind === 'index') array.push(...copies)
      continue
    }
    if (position === 'before') array.splice(first, 0, ...copies)
    else if (position === 'after') array.splice(last + 1, 0, ...copies)
    else {
      for (const index of [...indices].reverse()) array.splice(index, 1)
      array.splice(first, 0, ...copies)
    }
  }
}
