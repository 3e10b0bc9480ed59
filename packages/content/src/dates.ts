// Month names are spelled out here rather than taken from Intl: ICU versions disagree on
// abbreviations (en-GB gives "Sept" in newer ones), and the house style is "22 Sep 2025".
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/** "22 Jul 2025", in UTC so the server's timezone never changes what a page says. */
export function formatPublishedDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`
}

/** "10 Dec 2026, 09:00 UTC": when a scheduled post goes live, to the minute, for editors. */
export function formatScheduledTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const time = `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`
  return `${formatPublishedDate(iso)}, ${time} UTC`
}
