/**
 * How deeply a document's objects and arrays may nest. Real content nests a few levels (Portable
 * Text about six); far deeper values would exhaust the stack of the recursive walks that follow
 * (reference checks, GROQ evaluation, JSON.stringify), so they are refused with a 400 instead.
 */
export const MAX_DOCUMENT_DEPTH = 100

/** Anything parsed from a request: documents plus the envelope around them (mutations, patches). */
export const MAX_REQUEST_DEPTH = MAX_DOCUMENT_DEPTH + 28

/** Whether objects and arrays in `value` nest more than `limit` levels; walks without recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue
    const depth = next.depth + 1
    if (depth > limit) return true
    const children: unknown[] = Array.isArray(next.value) ? next.value : Object.values(next.value)
    for (const child of children) if (typeof child === 'object' && child !== null) pending.push({ value: child, depth })
  }
  return false
}
