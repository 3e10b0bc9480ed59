/** Ids a value references strongly (weak and cross-dataset references don't hold their target). */
export function strongReferences(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) strongReferences(item, into)
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    if (typeof record._ref === 'string' && record._weak !== true && record._dataset === undefined && record._projectId === undefined) {
      into.add(record._ref)
    }
    for (const field of Object.values(record)) {
      if (typeof field === 'object' && field !== null) strongReferences(field, into)
    }
  }
  return into
}

/**
 * Both reference sets of a document in one walk: the strong references (as above) and every id
 * GROQ's `references()` can find, which follows groq-js: it walks arrays and objects and stops at
 * an object with a truthy `_ref` (matching only if that `_ref` is one of the ids asked for).
 */
export function referenceSets(
  value: unknown,
  sets: { strong: Set<string>; query: Set<string> } = { strong: new Set(), query: new Set() },
  queryOpen = true,
): { strong: Set<string>; query: Set<string> } {
  if (Array.isArray(value)) {
    for (const item of value) referenceSets(item, sets, queryOpen)
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    const ref = record._ref
    if (typeof ref === 'string' && record._weak !== true && record._dataset === undefined && record._projectId === undefined) {
      sets.strong.add(ref)
    }
    let open = queryOpen
    if (open && ref) {
      if (typeof ref === 'string') sets.query.add(ref)
      open = false
    }
    for (const field of Object.values(record)) {
      if (typeof field === 'object' && field !== null) referenceSets(field, sets, open)
    }
  }
  return sets
}
