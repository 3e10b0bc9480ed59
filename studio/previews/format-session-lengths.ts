/** "30 / 60 min" for a treatment's session lengths, shortest first, duplicates dropped. */
export function formatSessionLengths(minutes: readonly number[] | undefined): string | undefined {
  const lengths = [...new Set((minutes ?? []).filter((m) => Number.isFinite(m) && m > 0))]
  if (lengths.length === 0) return undefined
  return `${lengths.sort((a, b) => a - b).join(' / ')} min`
}
