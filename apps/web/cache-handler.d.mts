/** Types for cache-handler.mjs, which is plain JavaScript because Next loads it uncompiled. */
export default class SecurityHeadersCache {
  constructor(context: { flushToDisk?: boolean; serverDistDir?: string; maxMemoryCacheSize?: number; fs?: unknown; dev?: boolean })
  get(key: string, context: Record<string, unknown>): Promise<{ value: Record<string, unknown> | null } | null>
  set(key: string, data: Record<string, unknown> | null, context: Record<string, unknown>): Promise<void>
}

/** An entry's lifetime cut at the moments in its `x-content-moments` header (relative to lastModified). */
export function lifetimeAt(
  entry: {
    lastModified?: number
    cacheControl?: { revalidate: number; expire?: number }
    value: { headers?: Record<string, unknown> } | null
  },
  now?: number,
): { revalidate: number; expire?: number } | undefined
