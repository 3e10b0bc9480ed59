// Looks for script injection in a served page the way a browser would see it: the HTML is parsed
// with parse5 (the parser jsdom uses, to the HTML standard), then every element is checked.
// Allowed: Next's own external chunks, Next's inline bootstrap/flight scripts (which must still
// compile as JavaScript: content that closed a script early would leave them broken), and
// JSON-LD that parses as JSON. Anything else that can run script is reported.
import vm from 'node:vm'

import { parse, parseFragment } from 'parse5'

/** Attributes that take a URL a browser may navigate to, load or submit to. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'data',
  'background',
  'ping',
  'cite',
  'manifest',
  'codebase',
  'xlink:href',
])
const SRCSET_ATTRIBUTES = new Set(['srcset', 'imagesrcset'])
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base'])
/** Browsers ignore ASCII whitespace and control characters inside a URL's scheme. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f]/gu
const SCRIPT_SCHEME = /^(?:javascript|vbscript|data):/iu
/** Next's inline scripts: the flight data pushes, the bootstrap and Turbopack's chunk list. */
const NEXT_INLINE_SCRIPT =
  /^\s*(?:\(?self\.__next_[a-z]+\b|\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\()/u

function attributeName(attribute) {
  return attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name
}

function textOf(node) {
  return (node.childNodes ?? []).map((child) => (child.nodeName === '#text' ? child.value : '')).join('')
}

function* elements(node) {
  for (const child of node.childNodes ?? []) {
    if (!child.tagName) continue
    yield child
    yield* elements(child)
    if (child.content) yield* elements(child.content)
  }
}

function checkUrl(tag, name, value, origin, problems) {
  const url = value.replace(IGNORED_IN_SCHEME, '')
  if (SCRIPT_SCHEME.test(url)) problems.push(`<${tag} ${name}="${value.slice(0, 80)}">: ${url.split(':')[0]}: URL`)
  if (tag === 'script' && name === 'src') {
    let parsed
    try {
      parsed = new URL(value, origin)
    } catch {
      parsed = null
    }
    if (!parsed || parsed.origin !== new URL(origin).origin || !parsed.pathname.startsWith('/_next/')) {
      problems.push(`<script src="${value.slice(0, 80)}">: not one of Next's chunks`)
    }
  }
}

/** The only url() the site writes in a style attribute: a placeholder image inlined as base64. */
const INLINE_IMAGE_URL = /^url\("data:image\/[a-z+]+;base64,[A-Za-z0-9+/]*={0,2}"\)$/u

function checkStyle(tag, value, problems) {
  if (/javascript:|expression\s*\(|@import|behavior\s*:/iu.test(value))
    problems.push(`<${tag} style="${value.slice(0, 80)}">: script in CSS`)
  for (const match of value.matchAll(/url\((?:"[^"]*"|'[^']*'|[^)]*)\)/giu)) {
    if (!INLINE_IMAGE_URL.test(match[0])) problems.push(`<${tag} style="${value.slice(0, 80)}">: loads ${match[0].slice(0, 60)}`)
  }
  // A value that closes url("…") early and goes on with declarations of its own.
  const urls = [...value.matchAll(/url\(/giu)].length
  if (urls > 1) problems.push(`<${tag} style="${value.slice(0, 80)}">: more than one url()`)
}

function checkScript(element, origin, problems) {
  const type = (element.attrs.find((attribute) => attribute.name === 'type')?.value ?? '').trim().toLowerCase()
  const hasSrc = element.attrs.some((attribute) => attribute.name === 'src')
  const text = textOf(element)
  if (hasSrc) return // the src itself is checked with the other URLs
  if (type === 'application/ld+json') {
    try {
      JSON.parse(text)
    } catch (error) {
      problems.push(`JSON-LD that does not parse (${error.message}): ${text.slice(0, 120)}`)
    }
    return
  }
  if (type !== '' && type !== 'text/javascript' && type !== 'module') {
    problems.push(`<script type="${type}">: unexpected script type`)
    return
  }
  if (!NEXT_INLINE_SCRIPT.test(text)) {
    problems.push(`inline script that is not Next's: ${text.slice(0, 120)}`)
    return
  }
  try {
    new vm.Script(text)
  } catch (error) {
    problems.push(`inline script broken by content (${error.message}): ${text.slice(0, 120)}`)
  }
}

/** Everything in an HTML document (or fragment) that could run script; [] when there is none. */
export function findScriptInjection(html, { origin, fragment = false }) {
  const problems = []
  const root = fragment ? parseFragment(html) : parse(html)
  for (const element of elements(root)) {
    const tag = element.tagName
    if (FORBIDDEN_ELEMENTS.has(tag)) problems.push(`<${tag}> element`)
    if (tag === 'meta' && element.attrs.some((attribute) => attribute.name === 'http-equiv' && /refresh/iu.test(attribute.value))) {
      problems.push('<meta http-equiv="refresh">')
    }
    for (const attribute of element.attrs) {
      const name = attributeName(attribute)
      if (/^on/iu.test(attribute.name)) problems.push(`<${tag} ${name}="${attribute.value.slice(0, 80)}">: event handler attribute`)
      if (URL_ATTRIBUTES.has(name)) checkUrl(tag, name, attribute.value, origin, problems)
      if (SRCSET_ATTRIBUTES.has(name)) {
        for (const candidate of attribute.value.split(',')) checkUrl(tag, name, candidate.trim().split(/\s+/u)[0] ?? '', origin, problems)
      }
      if (name === 'style') checkStyle(tag, attribute.value, problems)
    }
    if (tag === 'script') checkScript(element, origin, problems)
  }
  return problems
}
