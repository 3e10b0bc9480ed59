import type { SlugIsUniqueValidator } from 'sanity'

import { apiVersion, PLACEHOLDER_PROJECT_ID } from '../../env'

/**
 * Slug uniqueness (per document type) asks the Content Lake whether another document already uses
 * the slug, via Sanity's own `defaultIsUnique` check.
 *
 * The one case it cannot work is the CLI validating a file (`npm run validate:seed`) against the
 * placeholder project: there is no lake behind it, so every slug would fail with a network error.
 * There the check is skipped and `scripts/seed-checks.mjs` checks uniqueness inside the file
 * instead. With a real project id the CLI check runs normally, and network failures still surface
 * as validation errors rather than silently passing.
 */
export const isUniqueSlug: SlugIsUniqueValidator = (slug, context) => {
  const { projectId } = context.getClient({ apiVersion }).config()
  if (context.environment === 'cli' && projectId === PLACEHOLDER_PROJECT_ID) return true
  return context.defaultIsUnique(slug, context)
}
