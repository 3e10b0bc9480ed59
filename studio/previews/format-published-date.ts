import { formatPublishedDate as formatForSite, formatScheduledTime } from '@journal/content'

/**
 * "22 Jul 2025": the site's own formatter, so list previews read exactly like the page.
 * Returns undefined for a missing or unparseable date.
 */
export function formatPublishedDate(iso: string | undefined): string | undefined {
  if (iso === undefined) return undefined
  return formatForSite(iso) || undefined
}

/**
 * A post's date in lists: "22 Jul 2025", or "Scheduled for 10 Dec 2026, 09:00 UTC" while its
 * publication time is ahead (the site does not show it until then), or "No date".
 */
export function postDateLabel(iso: string | undefined, now: number = Date.now()): string {
  const date = formatPublishedDate(iso)
  if (iso === undefined || date === undefined) return 'No date'
  return Date.parse(iso) > now ? `Scheduled for ${formatScheduledTime(iso)}` : date
}
