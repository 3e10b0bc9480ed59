/*
 * Text for generated images. next/og draws with the Geist font it ships; for a character Geist
 * lacks it downloads a fallback font (Google Fonts) or an emoji SVG (a CDN) at render time. This
 * site runs with no network, where an emoji download fails the whole image, so text is cut down
 * to what the bundled font can draw before it is rendered.
 */

// Exactly the characters in Geist-Regular's cmap from these blocks: Latin (with Vietnamese),
// Cyrillic, combining accents, and the punctuation, currency and symbols a title may use.
// Combining accents are listed as code points of their own on purpose:
/* eslint-disable no-misleading-character-class */
const DRAWABLE = new RegExp(
  '[' +
    '\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u0113\\u0116-\\u012B\\u012E-\\u0137\\u0139-\\u013E\\u0141-\\u0148' +
    '\\u014A-\\u014D\\u0150-\\u017E\\u0218-\\u021B' +
    '\\u0300-\\u0304\\u0306-\\u030C\\u0323\\u0326-\\u0328' +
    '\\u0400-\\u045F\\u1E80-\\u1E85\\u1E9E\\u1EA0-\\u1EF9' +
    '\\u2013\\u2014\\u2018-\\u201A\\u201C-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2032\\u2033\\u2039\\u203A\\u20AC\\u2122' +
    ']',
  'u',
)
/* eslint-enable no-misleading-character-class */

/** The text with characters the bundled font cannot draw removed, whitespace collapsed, and cut
 * to `maxLength` characters at a word boundary with an ellipsis. */
export function drawableText(text: string, maxLength = 120): string {
  const kept = Array.from(text.normalize('NFC'))
    .map((char) => (/\s/u.test(char) ? ' ' : char))
    .filter((char) => DRAWABLE.test(char))
    .join('')
    .replace(/ {2,}/gu, ' ')
    .trim()
  const chars = Array.from(kept)
  if (chars.length <= maxLength) return kept
  const cut = chars.slice(0, maxLength - 1).join('')
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–—-]+$/u, '')}…`
}

/** A type size for the title that keeps long titles inside the card. */
export function titleFontSize(title: string): number {
  const length = Array.from(title).length
  if (length <= 36) return 80
  if (length <= 64) return 66
  return 54
}
