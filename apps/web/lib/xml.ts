/* Writing XML by hand (the RSS feed, the sitemap index) safely. */

/** XML 1.0 forbids most control characters (even inside CDATA) and lone surrogates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const XML_INVALID = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Text or an attribute value for XML. */
export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/gu, (char) => XML_ENTITIES[char] ?? char)
}

/** A CDATA section; a `]]>` inside the text is split across two sections so it cannot end it. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(XML_INVALID, '').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
}
