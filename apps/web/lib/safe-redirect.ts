/**
 * A redirect target after enabling or disabling preview must be a path on this site: "/blog/x"
 * is fine; "//evil.example", "https://evil.example", "/\\evil.example" and "javascript:" are not.
 */
export function safeRedirectPath(value: string | null, fallback = '/blog'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  try {
    const base = 'http://journal.invalid'
    const url = new URL(value, base)
    if (url.origin !== base) return fallback
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return fallback
  }
}
