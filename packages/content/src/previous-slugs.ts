interface SlugChange {
  /** Slug of the currently published version, if the post has been published. */
  publishedSlug: string | undefined
  /** Slug about to be published. */
  draftSlug: string | undefined
  /** `previousSlugs` as it stands in the draft. */
  previousSlugs: readonly string[] | undefined
}

/**
 * The `previousSlugs` a post should carry once the draft is published, or `undefined` when the
 * list is already right and nothing needs writing.
 *
 * The published slug is kept when it is being replaced, so the site can redirect links to it
 * permanently. The slug being published is always removed: a post must never redirect from its
 * own current address, which is what happens when an editor renames a post back (A → B → A).
 * Order is preserved (oldest first) and duplicates are dropped.
 */
export function nextPreviousSlugs({ publishedSlug, draftSlug, previousSlugs }: SlugChange): string[] | undefined {
  const current = previousSlugs ?? []
  const candidates =
    publishedSlug !== undefined && draftSlug !== undefined && publishedSlug !== draftSlug ? [...current, publishedSlug] : [...current]
  const next = [...new Set(candidates)].filter((slug) => slug !== '' && slug !== draftSlug)
  const unchanged = next.length === current.length && next.every((slug, index) => slug === current[index])
  return unchanged ? undefined : next
}

type DocumentValues = Readonly<Record<string, unknown>> | null | undefined

/** A document's `slug.current`, when it has one. */
export function slugOf(document: DocumentValues): string | undefined {
  const slug = document?.slug
  if (typeof slug !== 'object' || slug === null) return undefined
  const current = (slug as { current?: unknown }).current
  return typeof current === 'string' ? current : undefined
}

/**
 * `nextPreviousSlugs` for publishing `draft` over `published` (either may be missing): what the
 * Studio's Publish action and the content CLI's `publish` write into the draft's `previousSlugs`.
 */
export function previousSlugsOnPublish(draft: DocumentValues, published: DocumentValues): string[] | undefined {
  const value = draft?.previousSlugs
  const previousSlugs = Array.isArray(value) ? value.filter((slug): slug is string => typeof slug === 'string') : undefined
  return nextPreviousSlugs({ publishedSlug: slugOf(published), draftSlug: slugOf(draft), previousSlugs })
}
