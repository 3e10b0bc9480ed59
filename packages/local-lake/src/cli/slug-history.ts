/**
 * The `previousSlugs` a document should carry once its draft is published, or `undefined` when
 * nothing needs writing: the rule Studio's Publish action applies to posts, so `npm run content --
 * publish` keeps old links redirecting too.
 *
 * A copy of `nextPreviousSlugs` in packages/content/src/previous-slugs.ts, because this CLI runs as
 * compiled JavaScript and that package ships TypeScript source; slug-history.test.ts checks that the
 * two agree on every case of the content package's tests and on thousands of generated ones.
 */
export function nextPreviousSlugs({
  publishedSlug,
  draftSlug,
  previousSlugs,
}: {
  publishedSlug: string | undefined
  draftSlug: string | undefined
  previousSlugs: readonly string[] | undefined
}): string[] | undefined {
  const current = previousSlugs ?? []
  const renamed = publishedSlug !== undefined && draftSlug !== undefined && publishedSlug !== draftSlug
  const next = [...new Set(renamed ? [...current, publishedSlug] : current)].filter((slug) => slug !== '' && slug !== draftSlug)
  const unchanged = next.length === current.length && next.every((slug, index) => slug === current[index])
  return unchanged ? undefined : next
}

function slugOf(document: Record<string, unknown> | undefined): string | undefined {
  const slug = document?.slug
  if (typeof slug !== 'object' || slug === null) return undefined
  const current = (slug as { current?: unknown }).current
  return typeof current === 'string' ? current : undefined
}

/** The published document's content with `previousSlugs` updated for this publish, when the type keeps one. */
export function withSlugHistory(
  draft: Record<string, unknown>,
  published: Record<string, unknown> | undefined,
): Record<string, unknown> {
  // Studio records slug history for posts only (studio/sanity.config.ts); so does this.
  if (draft._type !== 'post') return draft
  const previous = Array.isArray(draft.previousSlugs) ? draft.previousSlugs.filter((slug): slug is string => typeof slug === 'string') : undefined
  const next = nextPreviousSlugs({ publishedSlug: slugOf(published), draftSlug: slugOf(draft), previousSlugs: previous })
  return next === undefined ? draft : { ...draft, previousSlugs: next }
}
