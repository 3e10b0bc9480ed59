/** Types for shared-cache.mjs, which is plain JavaScript because Next loads it uncompiled with the cache handler. */
export interface TagState {
  stale?: number
  expired?: number
}

export const SHARED_CACHE: unique symbol

export function encodeEntry(entry: unknown): string
export function decodeEntry(text: string): any // eslint-disable-line @typescript-eslint/no-explicit-any -- a cache entry of any kind
export function tagStateAt(existing: TagState, durations: { expire?: number } | undefined, now: number): TagState
export function applyTagStates(states: Record<string, unknown>, manifest?: Map<string, TagState>): void

export class SharedCache {
  constructor(options: { url: string; buildId: string; commandTimeoutMs?: number; log?: Pick<Console, 'log' | 'warn'> })
  shareTags(tags: string[], durations: { expire?: number } | undefined, now?: number): Promise<void>
  getEntry(key: string): Promise<unknown>
  setEntry(key: string, entry: unknown): Promise<void>
  close(): Promise<void>
}

export function sharedCacheFor(serverDistDir: string): SharedCache | null
