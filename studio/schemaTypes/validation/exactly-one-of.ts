/**
 * A value counts as set when an editor has actually filled it in: an emptied string input or a
 * reference whose target was cleared both leave a stub behind that must not count.
 */
export function isFilledIn(value: unknown): boolean {
  if (value === undefined || value === null) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (typeof value === 'object' && '_type' in value && value._type === 'reference') {
    return '_ref' in value && typeof value._ref === 'string' && value._ref !== ''
  }
  return true
}

/**
 * Checks that exactly one of the named fields of `parent` is filled in.
 * `labels` maps field names to the titles editors see, so the message names what to change.
 */
export function validateExactlyOneOf(
  parent: Readonly<Record<string, unknown>> | undefined,
  labels: Readonly<Record<string, string>>,
): true | string {
  const fields = Object.keys(labels)
  const filled = fields.filter((field) => isFilledIn(parent?.[field]))
  const titles = fields.map((field) => labels[field]).join(' or ')
  if (filled.length === 0) return `Set either ${titles}`
  if (filled.length > 1) return `Set only one of ${titles}, not both`
  return true
}
