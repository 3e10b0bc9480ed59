/** Ids a value references strongly (weak and cross-dataset references don't hold their target). */
export function strongReferences(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) strongReferences(item, into)
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    if (
      typeof record._ref === 'string' &&
      record._weak !== true &&
      record._dataset === undefined &&
      record._projectId === undefined
    ) {
      into.add(record._ref)
    }
    for (const field of Object.values(record)) {
      if (typeof field === 'object' && field !== null) strongReferences(field, into)
    }
  }
  return into
}
