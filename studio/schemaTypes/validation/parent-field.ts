/**
 * Validation context hands rules their parent object as `unknown` (it is whatever the document
 * holds, which may predate the schema). These read one field back with its expected type, or
 * `undefined` when it is absent or of another type, so rules never trust a cast.
 */
function fieldOf(parent: unknown, name: string): unknown {
  if (typeof parent !== 'object' || parent === null) return undefined
  return (parent as Record<string, unknown>)[name]
}

export function stringFieldOf(parent: unknown, name: string): string | undefined {
  const value = fieldOf(parent, name)
  return typeof value === 'string' ? value : undefined
}

export function booleanFieldOf(parent: unknown, name: string): boolean | undefined {
  const value = fieldOf(parent, name)
  return typeof value === 'boolean' ? value : undefined
}

export function hasField(parent: unknown, name: string): boolean {
  const value = fieldOf(parent, name)
  return value !== undefined && value !== null
}
