/**
 * Slugs become URL path segments (`/blog/<slug>`), so they are limited to lower-case words joined
 * by single hyphens: no case-only duplicates (`Calm` vs `calm`), no characters that need
 * percent-encoding, and no leading/trailing hyphens that look like typos in a shared link.
 */
export const SLUG_MAX_LENGTH = 96

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function validateSlugFormat(slug: string | undefined, reserved: readonly string[] = []): true | string {
  // A missing slug is reported by `required()`; this rule only judges slugs that exist.
  if (slug === undefined) return true
  if (slug.length > SLUG_MAX_LENGTH) {
    return `Slug must be at most ${SLUG_MAX_LENGTH} characters (it has ${slug.length})`
  }
  if (slug !== slug.toLowerCase()) return 'Slug must be lower-case'
  if (!SLUG_PATTERN.test(slug)) {
    return 'Slug may only contain a–z and 0–9, with single hyphens between words'
  }
  if (reserved.includes(slug)) return `“${slug}” is reserved for another page of the site; choose another slug`
  return true
}
