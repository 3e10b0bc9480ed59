import { z } from 'zod'

import type { ContentIssue } from '../issues'

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

export const optionalBoolean = z
  .boolean()
  .nullish()
  .catch(null)
  .transform((value) => value ?? false)

export const isoDate = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'not a date')

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
export function keepValid<T>(
  value: unknown,
  parse: (item: unknown, index: number) => T | null,
): T[] {
  if (!Array.isArray(value)) return []
  const kept: T[] = []
  value.forEach((item, index) => {
    const parsed = parse(item, index)
    if (parsed !== null) kept.push(parsed)
  })
  return kept
}

/** safeParse that reports a failure and returns null. */
export function parseOrReport<S extends z.ZodType>(
  schema: S,
  value: unknown,
  context: ParseContext,
  path: string,
): z.output<S> | null {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  context.report({ documentId: context.documentId, path, message: describeZodError(result.error) })
  return null
}
