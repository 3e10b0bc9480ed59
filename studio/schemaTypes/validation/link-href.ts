import { urlRule } from './url-rule'

/**
 * Protocols an editor may link to from rich text. Anything else (notably `javascript:` and
 * `data:`) could run script or smuggle content when rendered as an `<a href>`, so it is refused
 * at the source rather than only filtered by the site.
 */
export const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:'] as const

type LinkProtocol = (typeof LINK_PROTOCOLS)[number]

function isLinkProtocol(protocol: string): protocol is LinkProtocol {
  return (LINK_PROTOCOLS as readonly string[]).includes(protocol)
}

export const validateLinkHref = urlRule(
  'Enter a full address, e.g. https://example.com, mailto:hello@example.com or tel:+15550100',
  (url) => {
    if (!isLinkProtocol(url.protocol)) {
      return `Links may only use http, https, mailto or tel (this one uses ${url.protocol.slice(0, -1)})`
    }
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname === '') {
      return 'Web links need a host name'
    }
    // A password in a public link is leaked to every reader.
    if (url.username !== '' || url.password !== '') return 'Remove the user name and password from the link'
    if ((url.protocol === 'mailto:' || url.protocol === 'tel:') && url.pathname.trim() === '') {
      return url.protocol === 'mailto:' ? 'Add an email address after mailto:' : 'Add a phone number after tel:'
    }
    return true
  },
)
