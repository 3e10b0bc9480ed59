// Dates are formatted in UTC so the build machine's timezone never changes what a page says.
const publishedFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})

/** "22 Jul 2025" */
export function formatPublishedDate(iso: string): string {
  return publishedFormat.format(new Date(iso))
}

export function isValidDate(value: string): boolean {
  return !Number.isNaN(Date.parse(value))
}
