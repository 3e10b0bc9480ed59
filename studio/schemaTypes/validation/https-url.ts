/**
 * Booking and social links leave the site for third-party pages that take payments or personal
 * data; plain http would let a network attacker rewrite them, so only https is accepted.
 */
export function validateHttpsUrl(value: string | undefined): true | string {
  if (value === undefined) return true
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'Enter a full https:// address'
  }
  if (url.protocol !== 'https:') return 'The address must start with https://'
  if (url.hostname === '') return 'The address needs a host name'
  // A password in a public link is leaked to every reader.
  if (url.username !== '' || url.password !== '') return 'Remove the user name and password from the address'
  return true
}

/**
 * The canonical site URL is joined with paths to build canonical links, sitemaps and Open Graph
 * URLs, so it has to be a bare origin: a path or query here would be duplicated into every URL.
 */
export function validateSiteOrigin(value: string | undefined): true | string {
  if (value === undefined) return true
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'Enter the site origin, e.g. https://journal.stillpoint.example'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'The site URL must start with https:// (or http:// for local development)'
  }
  const hasOnlyOrigin =
    (url.pathname === '/' || url.pathname === '') && url.search === '' && url.hash === ''
  if (!hasOnlyOrigin || value.endsWith('/') || url.username !== '' || url.password !== '') {
    return `Enter only the origin, without a path or trailing slash: ${url.origin}`
  }
  return true
}
