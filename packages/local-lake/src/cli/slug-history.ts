import { previousSlugsOnPublish } from '@journal/content'

/**
 * The document to publish with `previousSlugs` updated for this publish, when the type keeps one:
 * the rule the Studio's Publish action applies (previousSlugsOnPublish in @journal/content), so
 * `npm run content -- publish` keeps old links redirecting too.
 */
export function withSlugHistory(draft: Record<string, unknown>, published: Record<string, unknown> | undefined): Record<string, unknown> {
  // Studio records slug history for posts only (studio/sanity.config.ts); so does this.
  if (draft._type !== 'post') return draft
  const next = previousSlugsOnPublish(draft, published)
  return next === undefined ? draft : { ...draft, previousSlugs: next }
}
