import {formatPublishedDate as formatForSite} from '@journal/content'

/**
 * "22 Jul 2025": the site's own formatter, so list previews read exactly like the page.
 * Returns undefined for a missing or unparseable date.
 */
export function formatPublishedDate(iso: string | undefined): string | undefined {
  if (iso === undefined) return undefined
  return formatForSite(iso) || undefined
}
