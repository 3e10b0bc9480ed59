export interface TocEntry {
  id: string
  text: string
  level: 2 | 3 | 4
}

/** A URL fragment from heading text: lower-case ASCII words joined by hyphens. */
export function slugifyHeading(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 80)
  return slug === '' ? 'section' : slug
}

/**
 * Stable, unique anchor ids for a list of headings, in document order: a repeated heading gets
 * "-2", "-3" so links to the first one never move.
 */
export function assignHeadingIds<T extends { text: string }>(headings: T[]): Array<T & { id: string }> {
  const seen = new Map<string, number>()
  return headings.map((heading) => {
    const base = slugifyHeading(heading.text)
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    return { ...heading, id: count === 1 ? base : `${base}-${count}` }
  })
}
