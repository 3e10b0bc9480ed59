import 'server-only'

import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * Constant-time comparison. Both sides are hashed first so their lengths match and the time
 * taken says nothing about how much of the secret was right.
 */
export function secretsMatch(given: string | null, expected: string | null): boolean {
  if (!given || !expected) return false
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}
