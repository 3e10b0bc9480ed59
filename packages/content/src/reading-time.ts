/**
 * Reading time in whole minutes. 220 words a minute sits in the middle of the adult silent-reading
 * range for non-fiction on screens; a page never says "0 min read".
 */
export const WORDS_PER_MINUTE = 220

export function countWords(text: string): number {
  const words = text.trim().split(/\s+/u)
  return words.length === 1 && words[0] === '' ? 0 : words.length
}

export function readingTimeMinutes(wordCount: number): number {
  if (!Number.isFinite(wordCount) || wordCount <= 0) return 1
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE))
}

export function formatReadingTime(minutes: number): string {
  return `${Math.max(1, Math.round(minutes))} min read`
}
