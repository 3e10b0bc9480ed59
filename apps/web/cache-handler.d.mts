/** Types for cache-handler.mjs, which is plain JavaScript because Next loads it uncompiled. */
export default class SecurityHeadersCache {
  constructor(context: { flushToDisk?: boolean; serverDistDir?: string; maxMemoryCacheSize?: number; fs?: unknown; dev?: boolean })
  get(key: string, context: Record<string, unknown>): Promise<{ value: Record<string, unknown> | null } | null>
  set(key: string, data: Record<string, unknown> | null, context: Record<string, unknown>): Promise<void>
}
