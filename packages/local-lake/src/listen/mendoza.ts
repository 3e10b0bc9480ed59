/*
 * Mendoza patches (Sanity's JSON patch format, https://github.com/sanity-io/mendoza) for the
 * `effects` of listener events and history: what the Studio applies to its copy of a document.
 * The `mendoza` package only applies patches; this writes the two forms the lake needs.
 */
import type { RawPatch } from 'mendoza'

/** Opcodes from mendoza's internal patcher. */
const VALUE = 0
const OBJECT_SET_FIELD_VALUE = 17

type Json = unknown

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Deep equality of JSON values, ignoring the order of object keys. */
export function sameJson(a: Json, b: Json): boolean {
  if (a === b) return true
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, b[index]))
  if (!isObject(a) || !isObject(b)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]))
}

/**
 * A patch that turns `from` into `to`. When both are objects and no field was removed, it sets
 * only the fields that changed (by name), so a reader of history sees which fields a transaction
 * touched; otherwise it is the whole new value. Removing a field would need its index among the
 * reader's copy's sorted keys, which the lake can't be sure of, so that case sends the whole value.
 */
export function mendozaPatch(from: Json, to: Json): RawPatch {
  if (!isObject(from) || !isObject(to)) return [VALUE, to ?? null]
  if (Object.keys(from).some((key) => !Object.hasOwn(to, key))) return [VALUE, to]
  const patch: Json[] = []
  for (const [key, value] of Object.entries(to)) {
    if (!Object.hasOwn(from, key) || !sameJson(from[key], value)) patch.push(OBJECT_SET_FIELD_VALUE, value, key)
  }
  return patch as RawPatch
}

/** A document as effects describe it: without `_rev`, which readers set from the event. */
function withoutRevision(document: Record<string, Json> | null): Record<string, Json> | null {
  if (!document) return null
  const { _rev: _revision, ...rest } = document
  return rest
}

/** `{apply, revert}` for a change from `before` to `after` (null: did not exist / deleted). */
export function effectsOf(before: Record<string, Json> | null, after: Record<string, Json> | null): { apply: RawPatch; revert: RawPatch } {
  const from = withoutRevision(before)
  const to = withoutRevision(after)
  return { apply: mendozaPatch(from, to), revert: mendozaPatch(to, from) }
}
