import {
  absoluteUrl,
  blogIndexHref,
  feedHref,
  postHref,
  type BodyBlock,
  type Feed,
  type FeedPost,
  type ImageData,
  type MarkDef,
  type TextBlock,
} from '@journal/content'

import { cdata, escapeXml, XML_INVALID } from './xml'

/*
 * The RSS 2.0 feed, as a pure function of parsed content. Item bodies go out in full as HTML in
 * <content:encoded>, written from the blocks @journal/content already normalised (unsafe links and
 * missing references are gone), with every URL absolute because feed readers have no base URL.
 */

export interface FeedOptions {
  /** the canonical origin, e.g. https://journal.example.com */
  origin: string
  /** an absolute URL for an image, sized for reading */
  imageSrc: (image: ImageData) => string
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text or an attribute value for the HTML inside <content:encoded>. */
function escapeHtml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/gu, (char) => HTML_ENTITIES[char] ?? char)
}

/** RFC 822 dates, as RSS 2.0 requires: "Tue, 22 Jul 2025 09:00:00 GMT". */
function rfc822(iso: string): string {
  return new Date(iso).toUTCString()
}

interface HtmlContext extends FeedOptions {
  /** resolves a site-relative href (internal links, cards) against the origin */
  url: (href: string) => string
}

const DECORATOR_TAGS: Record<string, string> = { strong: 'strong', em: 'em', code: 'code' }

function openMark(mark: string, defs: Map<string, MarkDef>, context: HtmlContext): string {
  const decorator = DECORATOR_TAGS[mark]
  if (decorator) return `<${decorator}>`
  const def = defs.get(mark)
  return def ? `<a href="${escapeHtml(context.url(def.href))}">` : ''
}

function closeMark(mark: string, defs: Map<string, MarkDef>): string {
  const decorator = DECORATOR_TAGS[mark]
  if (decorator) return `</${decorator}>`
  return defs.has(mark) ? '</a>' : ''
}

/**
 * A block's spans with their marks as properly nested tags. A mark that continues into the next
 * span stays open, and new marks open longest-running first, so a link across differently
 * emphasised spans stays one <a>.
 */
function spansToHtml(block: TextBlock, context: HtmlContext): string {
  const defs = new Map(block.markDefs.map((def) => [def._key, def]))
  const known = (mark: string) => mark in DECORATOR_TAGS || defs.has(mark)
  const marksOf = block.children.map((span) => span.marks.filter(known))
  const runLength = (mark: string, from: number) => {
    let end = from
    while (end < marksOf.length && marksOf[end]?.includes(mark)) end += 1
    return end - from
  }
  const open: string[] = []
  let html = ''
  block.children.forEach((span, index) => {
    const marks = marksOf[index] ?? []
    let keep = 0
    while (keep < open.length && marks.includes(open[keep] ?? '')) keep += 1
    while (open.length > keep) html += closeMark(open.pop() ?? '', defs)
    const opening = marks.filter((mark) => !open.includes(mark)).sort((a, b) => runLength(b, index) - runLength(a, index))
    for (const mark of opening) {
      html += openMark(mark, defs, context)
      open.push(mark)
    }
    html += escapeHtml(span.text).replace(/\n/gu, '<br>')
  })
  while (open.length > 0) html += closeMark(open.pop() ?? '', defs)
  return html
}

/** Consecutive list items as nested <ul>/<ol>; every open list holds one open <li>. */
function listToHtml(items: TextBlock[], context: HtmlContext): string {
  const stack: string[] = []
  let html = ''
  for (const item of items) {
    const level = Math.max(1, item.level ?? 1)
    const tag = item.listItem === 'number' ? 'ol' : 'ul'
    while (stack.length > level) html += `</li></${stack.pop() ?? 'ul'}>`
    if (stack.length === level) {
      if (stack[level - 1] === tag) {
        html += '</li>'
      } else {
        html += `</li></${stack.pop() ?? 'ul'}><${tag}>`
        stack.push(tag)
      }
    }
    while (stack.length < level - 1) {
      html += `<${tag}><li>`
      stack.push(tag)
    }
    if (stack.length < level) {
      html += `<${tag}>`
      stack.push(tag)
    }
    html += `<li>${spansToHtml(item, context)}`
  }
  while (stack.length > 0) html += `</li></${stack.pop() ?? 'ul'}>`
  return html
}

function figureToHtml(image: ImageData, context: HtmlContext): string {
  const caption = [image.caption, image.credit].filter(Boolean).join(' — ')
  return (
    `<figure><img src="${escapeHtml(context.imageSrc(image))}" alt="${escapeHtml(image.alt)}">` +
    (caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : '') +
    '</figure>'
  )
}

function blockToHtml(block: BodyBlock, context: HtmlContext): string {
  switch (block._type) {
    case 'block': {
      const inner = spansToHtml(block, context)
      if (block.style === 'h2' || block.style === 'h3' || block.style === 'h4') return `<${block.style}>${inner}</${block.style}>`
      if (block.style === 'blockquote') return `<blockquote><p>${inner}</p></blockquote>`
      return `<p>${inner}</p>`
    }
    case 'figure':
      return figureToHtml(block.image, context)
    case 'pullQuote':
      return (
        `<blockquote><p>${escapeHtml(block.text)}</p>` +
        (block.attribution ? `<p>— ${escapeHtml(block.attribution)}</p>` : '') +
        '</blockquote>'
      )
    case 'relatedArticle':
      return `<p>Read more: <a href="${escapeHtml(context.url(block.post.href))}">${escapeHtml(block.post.title)}</a></p>`
    case 'ctaBlock':
      // The offer code is left out on purpose: feed readers keep items for years, long after an
      // offer's window closes, and the site never shows an expired code.
      return (
        `<p><strong>${escapeHtml(block.cta.headline)}</strong>` +
        (block.cta.body ? ` ${escapeHtml(block.cta.body)}` : '') +
        ` <a href="${escapeHtml(block.cta.href)}">${escapeHtml(block.cta.buttonLabel)}</a></p>`
      )
  }
}

function isListItem(block: BodyBlock): block is TextBlock & { listItem: 'bullet' | 'number' } {
  return block._type === 'block' && block.listItem !== undefined
}

function htmlContext(options: FeedOptions): HtmlContext {
  return { ...options, url: (href) => absoluteUrl(options.origin, href) }
}

/** A parsed post body as HTML with absolute URLs. */
export function bodyToHtml(blocks: BodyBlock[], options: FeedOptions): string {
  const context = htmlContext(options)
  const parts: string[] = []
  for (let index = 0; index < blocks.length;) {
    const block = blocks[index]
    if (!block) break
    if (isListItem(block)) {
      const items: TextBlock[] = []
      while (index < blocks.length) {
        const next = blocks[index]
        if (!next || !isListItem(next)) break
        items.push(next)
        index += 1
      }
      parts.push(listToHtml(items, context))
      continue
    }
    parts.push(blockToHtml(block, context))
    index += 1
  }
  return parts.join('\n')
}

function itemXml(post: FeedPost, options: FeedOptions): string {
  const link = absoluteUrl(options.origin, postHref(post.slug))
  const hero = post.mainImage ? figureToHtml(post.mainImage, htmlContext(options)) : ''
  const content = [hero, bodyToHtml(post.body, options)].filter(Boolean).join('\n')
  return [
    '<item>',
    `<title>${escapeXml(post.title)}</title>`,
    `<link>${escapeXml(link)}</link>`,
    // the document id, not the URL: a renamed slug must not look like a new article to readers
    `<guid isPermaLink="false">${escapeXml(post.id)}</guid>`,
    `<pubDate>${rfc822(post.publishedAt)}</pubDate>`,
    ...(post.author ? [`<dc:creator>${escapeXml(post.author.name)}</dc:creator>`] : []),
    ...post.categories.map((category) => `<category>${escapeXml(category.title)}</category>`),
    ...(post.excerpt ? [`<description>${escapeXml(post.excerpt)}</description>`] : []),
    `<content:encoded>${cdata(content)}</content:encoded>`,
    '</item>',
  ].join('\n')
}

/** The newest moment anything in the feed changed; stable between builds of the same content. */
function lastBuildDate(posts: FeedPost[]): string | null {
  const times = posts.map((post) => Date.parse(post.updatedAt ?? post.publishedAt)).filter(Number.isFinite)
  return times.length > 0 ? new Date(Math.max(...times)).toUTCString() : null
}

/** The whole RSS 2.0 document. */
export function buildRssFeed(feed: Feed, options: FeedOptions): string {
  const { settings, posts } = feed
  const built = lastBuildDate(posts)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${escapeXml(settings.title)}</title>`,
    `<link>${escapeXml(absoluteUrl(options.origin, blogIndexHref()))}</link>`,
    `<description>${escapeXml(settings.description ?? settings.title)}</description>`,
    `<atom:link href="${escapeXml(absoluteUrl(options.origin, feedHref()))}" rel="self" type="application/rss+xml"/>`,
    '<language>en</language>',
    ...(built ? [`<lastBuildDate>${built}</lastBuildDate>`] : []),
    ...posts.map((post) => itemXml(post, options)),
    '</channel>',
    '</rss>',
    '',
  ].join('\n')
}
