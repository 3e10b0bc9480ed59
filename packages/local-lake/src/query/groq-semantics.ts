/*
 * The few pieces of groq-js's evaluation semantics that the indexes must reproduce exactly
 * (groq-js 1.30: AccessAttribute, isEqual, partialCompare and totalCompare; the `references()`
 * walk is referenceSets in store/references.ts). Indexes decide which documents a lookup finds,
 * so these rules must match groq-js's to the letter; the tests compare with groq-js alone.
 */

export type GroqType = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean' | 'other'

export function groqType(value: unknown): GroqType {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'array'
  switch (typeof value) {
    case 'object':
      return 'object'
    case 'string':
      return 'string'
    case 'number':
      return 'number'
    case 'boolean':
      return 'boolean'
    default:
      return 'other'
  }
}

/** `a.b.c` on a document: an attribute of a non-object, or a missing one, is null. */
export function readPath(document: unknown, path: readonly string[]): unknown {
  let value = document
  for (const name of path) {
    if (groqType(value) !== 'object' || !Object.prototype.hasOwnProperty.call(value, name)) return null
    value = (value as Record<string, unknown>)[name]
  }
  return value ?? null
}

/** A value `==` can find in a hash index: equality is `===` within one of these types. */
export type IndexKey = string | number | boolean

export function isIndexKey(value: unknown): value is IndexKey {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

const TYPE_RANK: Partial<Record<GroqType, number>> = { number: 2, string: 3, boolean: 4 }

/** Where a value's type sorts in `order()`; unranked types (null, objects, arrays) sort last, tied. */
export function typeRank(value: unknown): number {
  return TYPE_RANK[groqType(value)] ?? 100
}

/** groq-js partialCompare for JSON values: null when the two are not comparable. */
export function partialCompare(a: unknown, b: unknown): number | null {
  const type = groqType(a)
  if (type !== groqType(b)) return null
  if (type === 'number') return (a as number) - (b as number)
  if (type === 'boolean') return Number(a) - Number(b)
  if (type === 'string') return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0
  return null
}

/** groq-js totalCompare: the order `order()` sorts by (ties are then broken by input position). */
export function totalCompare(a: unknown, b: unknown): number {
  const byRank = typeRank(a) - typeRank(b)
  if (byRank !== 0) return byRank
  return partialCompare(a, b) ?? 0
}
