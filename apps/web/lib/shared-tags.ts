import 'server-only'

/**
 * Several instances (REDIS_URL set): a revalidation has to reach every instance's tag state, not
 * only this one's. shared-cache.mjs, loaded with the cache handler, leaves its per-process handle
 * under this symbol; the webhook calls it before revalidateTag, and answers 5xx when it fails, so
 * the sender retries instead of leaving the other instances on the old page.
 */
const SHARED_CACHE = Symbol.for('journal.sharedCache')

interface SharedCacheHandle {
  shareTags(tags: string[], durations: { expire: number }): Promise<void>
}

/** Next's 'max' cacheLife profile, which `revalidateTag(tag, 'max')` hands the cache handler. */
export const MAX_PROFILE_DURATIONS = { expire: 60 * 60 * 24 * 365 }

export class SharedTagsError extends Error {
  override name = 'SharedTagsError'
}

/** Records a revalidation for every instance; nothing to do on a single instance. */
export async function shareRevalidation(tags: string[], durations: { expire: number }): Promise<void> {
  if (!process.env.REDIS_URL?.trim() || tags.length === 0) return
  const shared = (globalThis as { [SHARED_CACHE]?: SharedCacheHandle })[SHARED_CACHE]
  if (!shared) throw new SharedTagsError('the shared cache is not running in this process')
  try {
    await shared.shareTags(tags, durations)
  } catch (error) {
    throw new SharedTagsError(error instanceof Error ? error.message : String(error))
  }
}
