// The cache several instances share, when REDIS_URL is set (npm run start:cluster, docs/deploy.md).
//
// Two things are shared through Redis, under keys that carry the build id (so instances of another
// build never read these entries):
// - Cache entries (pages, route responses, fetches): written to Redis as well as to the instance's
//   own disk, read from Redis first. If Redis is down or slow, the instance reads and writes its
//   own disk cache and keeps serving; every command has a deadline.
// - Tag state: what `revalidateTag(tag, 'max')` records (when each tag went stale or expires).
//   Next keeps it in a per-process map (tags-manifest.external), which decides whether a cached
//   entry is fresh, stale (served while a background render runs) or expired. A publish is written
//   to a Redis hash and announced on a channel; every instance applies it to its own map, so the
//   entry another instance rendered is served stale and re-rendered in the background, exactly as
//   on one instance (never a blocking render, never a 500 while the content source is down). On
//   every (re)connect an instance reads the whole hash: a publish it missed while cut off from
//   Redis takes effect as soon as it is back.
//
// Plain JavaScript, loaded by cache-handler.mjs at run time. The webhook route reaches this
// process's instance through globalThis (lib/shared-tags.ts), as the security headers travel the
// other way (docs/next-workarounds.md).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { createClient } from '@redis/client'

const require = createRequire(import.meta.url)
const { tagsManifest } = require('next/dist/server/lib/incremental-cache/tags-manifest.external')

export const SHARED_CACHE = Symbol.for('journal.sharedCache')

/** How long a Redis command may take before the instance uses its own disk instead. */
const DEFAULT_COMMAND_TIMEOUT_MS = 300
/** Entries live in Redis at most this long (Redis also evicts them first under memory pressure). */
const ENTRY_TTL_SECONDS = 14 * 24 * 3600

/** Rejects when `promise` has not settled within `ms`. */
function deadline(promise, ms, what) {
  let timer
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis ${what} took longer than ${ms} ms`)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

/** JSON with the Buffers and Maps that cache entries hold (RSC payloads, segment data, bodies). */
export function encodeEntry(entry) {
  return JSON.stringify(entry, function replacer(key, value) {
    const original = this[key]
    if (Buffer.isBuffer(original)) return { $buffer: original.toString('base64') }
    if (original instanceof Map) return { $map: [...original.entries()] }
    return value
  })
}

export function decodeEntry(text) {
  return JSON.parse(text, (_key, value) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      if (typeof value.$buffer === 'string') return Buffer.from(value.$buffer, 'base64')
      if (Array.isArray(value.$map)) return new Map(value.$map)
    }
    return value
  })
}

/**
 * The tag state a `revalidateTag(tags, durations)` records at `now`, as Next's file-system cache
 * computes it: stale now, and expired `durations.expire` seconds from now (or now, without
 * durations). `existing` is what the tag had before.
 */
export function tagStateAt(existing, durations, now) {
  if (!durations) return { ...existing, expired: now }
  return { ...existing, stale: now, ...(durations.expire !== undefined ? { expired: now + durations.expire * 1000 } : {}) }
}

/** Applies shared tag states to this process's map: the later time of each field wins. */
export function applyTagStates(states, manifest = tagsManifest) {
  for (const [tag, state] of Object.entries(states)) {
    if (!state || typeof state !== 'object') continue
    const current = manifest.get(tag) ?? {}
    const merged = { ...current }
    for (const field of ['stale', 'expired']) {
      const value = state[field]
      if (typeof value === 'number' && Number.isFinite(value) && !(typeof current[field] === 'number' && current[field] >= value)) {
        merged[field] = value
      }
    }
    manifest.set(tag, merged)
  }
}

function buildIdOf(serverDistDir) {
  try {
    return readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim()
  } catch {
    return 'unknown-build'
  }
}

/** One per process: the Redis connections, the subscription and the entry reads and writes. */
export class SharedCache {
  constructor({ url, buildId, commandTimeoutMs = DEFAULT_COMMAND_TIMEOUT_MS, log = console }) {
    this.prefix = `journal:${buildId}:`
    this.channel = `${this.prefix}tags`
    this.timeoutMs = commandTimeoutMs
    this.log = log
    this.up = false
    /** Tag states recorded here that Redis has not taken yet. */
    this.unshared = {}
    const socket = {
      connectTimeout: 1000,
      // Keep trying, a few times a second: an instance catches up soon after Redis returns.
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 250),
    }
    // No offline queue: while Redis is away a command fails at once and the disk cache answers.
    this.client = createClient({ url, disableOfflineQueue: true, socket })
    this.subscriber = this.client.duplicate()
    for (const [name, connection] of [
      ['client', this.client],
      ['subscriber', this.subscriber],
    ]) {
      // Without an error listener a lost connection would crash the server.
      connection.on('error', (error) => this.down(name, error))
    }
    this.client.on('ready', () => {
      this.back()
      this.flushTags().catch((error) => this.down('tag publish', error))
    })
    // Every (re)connect of the subscription: read the whole tag state, so nothing missed stays missed.
    this.subscriber.on('ready', () => {
      this.catchUp().catch((error) => this.down('catch-up', error))
    })
    // Connecting runs in the background; until it is done, reads and writes go to the disk cache.
    void Promise.all([
      this.client.connect().catch((error) => this.down('client', error)),
      this.subscriber
        .connect()
        .then(() => this.subscriber.subscribe(this.channel, (message) => this.onMessage(message)))
        .catch((error) => this.down('subscriber', error)),
    ])
  }

  /** Logs once per outage (not once per failed command). */
  down(what, error) {
    if (this.up !== null) this.log.warn?.(`[shared-cache] Redis ${what}: ${error?.message ?? error}; serving from this instance's cache`)
    this.up = null
  }

  back() {
    if (this.up !== true) this.log.log?.(`[shared-cache] Redis connected (${this.prefix}*)`)
    this.up = true
  }

  onMessage(message) {
    try {
      applyTagStates(JSON.parse(message))
    } catch (error) {
      this.log.warn?.(`[shared-cache] ignored a malformed tag message: ${error.message}`)
    }
  }

  async catchUp() {
    const all = await deadline(this.client.hGetAll(`${this.prefix}tags`), this.timeoutMs * 5, 'tag catch-up')
    const states = {}
    for (const [tag, text] of Object.entries(all)) {
      try {
        states[tag] = JSON.parse(text)
      } catch {
        // a malformed field is skipped; the next publish of that tag replaces it
      }
    }
    applyTagStates(states)
  }

  /**
   * Records a revalidation of `tags` for every instance. Applied here at once; rejects when Redis
   * did not take it, so the webhook can answer 5xx and the sender retry. What Redis did not take
   * is kept and written as soon as this instance reconnects, so the other instances catch up even
   * if no retry comes.
   */
  async shareTags(tags, durations, now = Date.now()) {
    const states = Object.fromEntries(tags.map((tag) => [tag, tagStateAt(tagsManifest.get(tag) ?? {}, durations, now)]))
    applyTagStates(states)
    Object.assign(this.unshared, states)
    await this.flushTags()
  }

  /** Writes the tag states Redis has not taken yet, and announces them. */
  async flushTags() {
    const states = { ...this.unshared }
    if (Object.keys(states).length === 0) return
    const fields = Object.fromEntries(Object.entries(states).map(([tag, state]) => [tag, JSON.stringify(state)]))
    await deadline(
      this.client.multi().hSet(`${this.prefix}tags`, fields).publish(this.channel, JSON.stringify(states)).exec(),
      this.timeoutMs * 3,
      'tag publish',
    )
    for (const [tag, state] of Object.entries(states)) if (this.unshared[tag] === state) delete this.unshared[tag]
  }

  /** The entry for `key`, or undefined when Redis has none or cannot answer in time. */
  async getEntry(key) {
    try {
      const text = await deadline(this.client.get(`${this.prefix}entry:${key}`), this.timeoutMs, 'read')
      return text ? decodeEntry(text) : undefined
    } catch (error) {
      this.down('read', error)
      return undefined
    }
  }

  async setEntry(key, entry) {
    try {
      await deadline(this.client.set(`${this.prefix}entry:${key}`, encodeEntry(entry), { EX: ENTRY_TTL_SECONDS }), this.timeoutMs, 'write')
    } catch (error) {
      this.down('write', error)
    }
  }

  async close() {
    await Promise.allSettled([this.client.close(), this.subscriber.close()])
  }
}

/** The process's shared cache for this build, created on first use; null without REDIS_URL. */
export function sharedCacheFor(serverDistDir) {
  const url = process.env.REDIS_URL?.trim()
  // A build writes its pages to its own output; instances share what they render from then on.
  if (!url || process.env.NEXT_PHASE === 'phase-production-build') return null
  globalThis[SHARED_CACHE] ??= new SharedCache({
    url,
    buildId: buildIdOf(serverDistDir),
    commandTimeoutMs: Number(process.env.REDIS_TIMEOUT_MS) || DEFAULT_COMMAND_TIMEOUT_MS,
  })
  return globalThis[SHARED_CACHE]
}
