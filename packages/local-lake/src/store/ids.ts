import { randomBytes, randomUUID } from 'node:crypto'

const DRAFTS_PREFIX = 'drafts.'
const VERSIONS_PREFIX = 'versions.'

/** Sanity's document id rule: letters, digits, `_`, `-` and `.` (path separator), at most 128 characters. */
const VALID_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/

export function isValidDocumentId(id: string): boolean {
  return VALID_ID.test(id) && !id.includes('..') && !id.endsWith('.')
}

/** Ids with a dot are paths (drafts, versions, private documents): never shown without a token. */
export function isPathId(id: string): boolean {
  return id.includes('.')
}

export function isDraftId(id: string): boolean {
  return id.startsWith(DRAFTS_PREFIX)
}

export function draftId(id: string): string {
  return isDraftId(id) ? id : `${DRAFTS_PREFIX}${publishedId(id)}`
}

/** The published id for a published, draft or version id. */
export function publishedId(id: string): string {
  if (isDraftId(id)) return id.slice(DRAFTS_PREFIX.length)
  if (id.startsWith(VERSIONS_PREFIX)) {
    const rest = id.slice(VERSIONS_PREFIX.length)
    const dot = rest.indexOf('.')
    return dot === -1 ? rest : rest.slice(dot + 1)
  }
  return id
}

export function versionPrefix(releaseName: string): string {
  return `${VERSIONS_PREFIX}${releaseName}.`
}

export function newDocumentId(prefix = ''): string {
  return `${prefix}${randomUUID()}`
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** A random id in the style of Sanity's revision and transaction ids (22 base62 characters). */
export function newRevisionId(): string {
  const bytes = randomBytes(22)
  let out = ''
  for (const byte of bytes) out += BASE62[byte % 62]
  return out
}

/** A short random array `_key`, as Studio generates them. */
export function newArrayKey(): string {
  return randomBytes(6).toString('hex')
}
