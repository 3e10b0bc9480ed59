const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/**
 * The only protocols an editor's link may use. Anything else (javascript:, data:, vbscript:,
 * relative junk) is rejected, so a link mark that fails this renders as plain text.
 */
export function safeExternalHref(href: unknown): string | null {
  if (typeof href !== 'string') return null
  const trimmed = href.trim()
  if (trimmed === '') return null
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return null
  }
  return EXTERNAL_PROTOCOLS.has(url.protocol) ? url.toString() : null
}

/** Booking and CTA URLs must be https: they carry promo codes and personal data. */
export function safeHttpsUrl(href: unknown): string | null {
  if (typeof href !== 'string') return null
  try {
    const url = new URL(href.trim())
    return url.protocol === 'https:' ? url.toString() : null
  } catch {
    return null
  }
}

/** A canonical origin without trailing slash, or null when the value is not an http(s) URL. */
export function normaliseOrigin(value: unknown): string | null {
  if (typeof value !== 'string') return null
  try {
    const url = new URL(value.trim())
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
    return url.origin
  } catch {
    return null
  }
}
