import type { UrlRule } from 'sanity'

/** Any syntactically valid URI scheme (RFC 3986), so the built-in check never judges the protocol. */
const ANY_SCHEME = /^[a-z][a-z\d+.-]*$/i

/**
 * Every `url` field gets Sanity's generic URI check (absolute http/https only, with terse
 * messages) before its own rules, so a bad value would be reported twice, in two wordings.
 * That check is relaxed to accept anything and `validate`, one of the named rules in
 * ../validation, decides alone. Relative values are allowed through to it (which also makes the
 * input a plain text box, so mailto: and tel: are not flagged by the browser).
 */
export function urlRule(rule: UrlRule, validate: (value: string | undefined) => true | string): UrlRule {
  return rule.uri({ scheme: ANY_SCHEME, allowRelative: true, allowCredentials: true }).custom((value) => validate(value))
}
