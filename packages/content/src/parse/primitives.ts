import { z } from 'zod'

import { RESERVED_POST_SLUGS } from '../hrefs.js'
import type { ContentIssue } from '../issues.js'

/** A non-empty, trimmed string; anything else fails. */
export const requiredText = z.string().trim().min(1)

/** A non-empty string or null: wrong types and blanks become null rather than failing. */
export const optionalText = z
  .string()
  .trim()
  .min(1)
  .nullish()
  .catch(null)
  .transform((value) => value ?? null)

/**
 * Unpaired UTF-16 surrogates: legal in a JSON string, but no URL can carry one (encodeURIComponent
 * throws). Matched on code units, so no `u` flag.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** "." and ".." are dot segments: URL parsers resolve them away, even percent-encoded. */
const DOT_SEGMENT = /^(?:\.|\.\.)$/u

/** Control characters: nobody types them in a URL, and a NUL breaks Next's file-based page cache. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/u

/**
 * Next caches a page in files named after its path (UTF-8, plus suffixes such as ".segments"),
 * and file names stop at 255 bytes on most file systems. Studio's slugs stop at 96 characters.
 */
export const MAX_SLUG_BYTES = 200

const utf8 = new TextEncoder()

/**
 * Whether a value can be a slug in a URL: a string that is not blank, is well-formed Unicode,
 * has no control characters, is not a dot segment and fits in a file name.
 */
export function isUrlSlug(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.trim() !== '' &&
    !LONE_SURROGATE.test(value) &&
    !CONTROL_CHARACTER.test(value) &&
    !DOT_SEGMENT.test(value) &&
    utf8.encode(value).length <= MAX_SLUG_BYTES
  )
}

/**
 * A slug exactly as stored (pages look documents up by it, so it is not trimmed) that can be a
 * URL segment. Anything else fails, and the card, link or list entry that needs it is dropped.
 */
export const slugText = z.string().refine(isUrlSlug, 'not a slug a URL can carry')

/**
 * Whether a value can be a post's slug: a URL slug that is not one of /blog's own segments
 * (RESERVED_POST_SLUGS). Posts live at /blog/<slug>, next to /blog/feed.xml, /blog/page/<n>,
 * /blog/category/… and /blog/author/…, so a post called "feed.xml" would take the feed's URL.
 */
export function isPostSlug(value: unknown): value is string {
  return isUrlSlug(value) && !RESERVED_POST_SLUGS.includes(value)
}

/** slugText for a post: a post whose slug names another route is dropped like one without a slug. */
export const postSlugText = z.string().refine(isPostSlug, 'not a slug a post can have (reserved or unusable in a URL)')

export const optionalSlug = slugText
  .nullish()
  .catch(null)
  .transform((value) => value ?? null)

export const optionalBoolean = z
  .boolean()
  .nullish()
  .catch(null)
  .transform((value) => value ?? false)

export const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date')

export const optionalIsoDate = isoDate
  .nullish()
  .catch(null)
  .transform((value) => value ?? null)

export const positiveNumber = z.number().finite().positive()

export interface ParseContext {
  documentId: string | null
  report: (issue: ContentIssue) => void
}

/** The first zod issue as a short sentence for logs. */
export function describeZodError(error: z.ZodError): string {
  const first = error.issues[0]
  if (!first) return 'invalid value'
  const at = first.path.length > 0 ? ` at ${first.path.join('.')}` : ''
  return `${first.message}${at}`
}

/**
 * Parses each member on its own and keeps the ones that parse: one broken reference or block
 * drops that member only, and is reported with its index.
 */
export function keepValid<T>(value: unknown, parse: (item: unknown, index: number) => T | null): T[] {
  if (!Array.isArray(value)) return []
  const kept: T[] = []
  value.forEach((item, index) => {
    const parsed = parse(item, index)
    if (parsed !== null) kept.push(parsed)
  })
  return kept
}

/** safeParse that reports a failure and returns null. */
export function parseOrReport<S extends z.ZodType>(schema: S, value: unknown, context: ParseContext, path: string): z.output<S> | null {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  context.report({ documentId: context.documentId, path, message: describeZodError(result.error) })
  return null
}
