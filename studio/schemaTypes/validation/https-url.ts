import { urlRule } from './url-rule'

/**
 * Booking and social links leave the site for third-party pages that take payments or personal
 * data; plain http would let a network attacker rewrite them, so only https is accepted.
 */
export const validateHttpsUrl = urlRule('Enter a full https:// address', (url) => {
  if (url.protocol !== 'https:') return 'The address must start with https://'
  if (url.hostname === '') return 'The address needs a host name'
  // A password in a public link is leaked to every reader.
  if (url.username !== '' || url.password !== '') return 'Remove the user name and password from the address'
  return true
})

/**
 * The canonical site URL is joined with paths to build canonical links, sitemaps and Open Graph
 * URLs, so it has to be a bare origin: a path or query here would be duplicated into every URL.
 */
export const validateSiteOrigin = urlRule('Enter the site origin, e.g. https://journal.stillpoint.example', (url, value) => {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'The site URL must start with https:// (or http:// for local development)'
  }
  const hasOnlyOrigin = (url.pathname === '/' || url.pathname === '') && url.search === '' && url.hash === ''
  if (!hasOnlyOrigin || value.endsWith('/') || url.username !== '' || url.password !== '') {
    return `Enter only the origin, without a path or trailing slash: ${url.origin}`
  }
  return true
})
