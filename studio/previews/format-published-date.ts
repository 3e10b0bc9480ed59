// Spelled out rather than taken from Intl: en-GB's short month for September changed from "Sep"
// to "Sept" between ICU versions, and the list preview should read exactly like the site.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * "22 Jul 2025", the date format the site prints, in UTC so every editor sees the same day
 * whatever their time zone. Returns undefined for a missing or unparseable date.
 */
export function formatPublishedDate(iso: string | undefined): string | undefined {
  if (iso === undefined) return undefined
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return undefined
  const date = new Date(time)
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
}
