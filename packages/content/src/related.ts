export const RELATED_LIMIT = 3

/**
 * Related articles: the editor's picks first (in their order), then the newest posts that share
 * a category, never the post itself and never the same post twice.
 * `manual` may contain nulls for references to deleted or unpublished posts.
 */
export function selectRelatedPosts<T extends { id: string; publishedAt: string }>(
  postId: string,
  manual: ReadonlyArray<T | null>,
  sameCategory: ReadonlyArray<T>,
  limit = RELATED_LIMIT,
): T[] {
  const picked: T[] = []
  const seen = new Set<string>([postId])
  const take = (post: T | null) => {
    if (!post || seen.has(post.id) || picked.length >= limit) return
    seen.add(post.id)
    picked.push(post)
  }
  manual.forEach(take)
  ;[...sameCategory].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt)).forEach(take)
  return picked
}
