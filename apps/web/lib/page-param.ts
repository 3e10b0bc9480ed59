/** "2" → 2; anything that is not a canonical whole number (01, 1.5, -1, abc) is null → 404. */
export function parsePageParam(value: string): number | null {
  return /^[1-9]\d{0,5}$/u.test(value) ? Number(value) : null
}
