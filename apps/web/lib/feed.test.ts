import type { BodyBlock, Feed, FeedPost, SiteSettings, Span, TextBlock } from '@journal/content'
import { describe, expect, it } from 'vitest'

import { card, cta, image } from '@/test/fixtures'
import { bodyToHtml, buildRssFeed, type FeedOptions } from './feed'
import { cdata, escapeXml } from './xml'

const ORIGIN = 'https://journal.example.com'
const options: FeedOptions = {
  origin: ORIGIN,
  imageSrc: (img) => `https://cdn.example.com/images/${img.assetId}.jpg?w=1200`,
}

const settings = (overrides: Partial<SiteSettings> = {}): SiteSettings => ({
  title: 'Still Point Journal',
  description: 'Notes on recovery & rest.',
  siteUrl: ORIGIN,
  bookingUrl: null,
  defaultCta: null,
  socialLinks: [],
  socialPrompt: null,
  ogImage: null,
  ...overrides,
})

let keys = 0
const span = (text: string, marks: string[] = []): Span => ({ _type: 'span', _key: `s${(keys += 1)}`, text, marks })
const text = (children: Span[], extra: Partial<TextBlock> = {}): TextBlock => ({
  _type: 'block',
  _key: `b${(keys += 1)}`,
  style: 'normal',
  children,
  markDefs: [],
  ...extra,
})

const post = (overrides: Partial<FeedPost> = {}): FeedPost => ({
  id: 'post-quiet-mind',
  updatedAt: '2025-08-01T10:00:00Z',
  title: 'Quiet mind after a massage',
  slug: 'quiet-mind',
  excerpt: 'Why a calm hour keeps working.',
  publishedAt: '2025-07-22T09:00:00Z',
  mainImage: image({ caption: 'The studio at dawn' }),
  author: { name: 'Maya Lindqvist', slug: 'maya-lindqvist' },
  categories: [{ id: 'c1', title: 'Stress & Sleep', slug: 'stress-sleep' }],
  body: [text([span('Hello.')])],
  ...overrides,
})

function parseXml(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml')
  const error = doc.getElementsByTagName('parsererror')[0]
  if (error) throw new Error(`not well-formed XML: ${error.textContent ?? ''}`)
  return doc
}

const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/'

function itemHtml(doc: Document, index = 0): Document {
  const encoded = doc.getElementsByTagNameNS(CONTENT_NS, 'encoded')[index]
  return new DOMParser().parseFromString(`<body>${encoded?.textContent ?? ''}</body>`, 'text/html')
}

describe('buildRssFeed', () => {
  it('is well-formed RSS 2.0 with a self link, channel details and one item per post', () => {
    const feed: Feed = { settings: settings(), posts: [post(), post({ id: 'post-2', slug: 'second', title: 'Second' })] }
    const doc = parseXml(buildRssFeed(feed, options))
    const rss = doc.documentElement
    expect(rss.nodeName).toBe('rss')
    expect(rss.getAttribute('version')).toBe('2.0')
    const channel = rss.getElementsByTagName('channel')[0]
    expect(channel?.getElementsByTagName('title')[0]?.textContent).toBe('Still Point Journal')
    expect(channel?.getElementsByTagName('link')[0]?.textContent).toBe(`${ORIGIN}/blog`)
    expect(channel?.getElementsByTagName('description')[0]?.textContent).toBe('Notes on recovery & rest.')
    const self = doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'link')[0]
    expect(self?.getAttribute('href')).toBe(`${ORIGIN}/blog/feed.xml`)
    expect(self?.getAttribute('rel')).toBe('self')
    expect(channel?.getElementsByTagName('lastBuildDate')[0]?.textContent).toBe('Fri, 01 Aug 2025 10:00:00 GMT')

    const items = doc.getElementsByTagName('item')
    expect(items).toHaveLength(2)
    const first = items[0]
    expect(first?.getElementsByTagName('link')[0]?.textContent).toBe(`${ORIGIN}/blog/quiet-mind`)
    expect(first?.getElementsByTagName('guid')[0]?.textContent).toBe('post-quiet-mind')
    expect(first?.getElementsByTagName('guid')[0]?.getAttribute('isPermaLink')).toBe('false')
    expect(first?.getElementsByTagName('pubDate')[0]?.textContent).toBe('Tue, 22 Jul 2025 09:00:00 GMT')
    expect(first?.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'creator')[0]?.textContent).toBe('Maya Lindqvist')
    expect(first?.getElementsByTagName('category')[0]?.textContent).toBe('Stress & Sleep')
  })

  it('escapes titles, names and descriptions', () => {
    const hostile = `Tips & "tricks" <b>bold</b> it's`
    const feed: Feed = {
      settings: settings({ title: hostile, description: null }),
      posts: [post({ title: hostile, excerpt: hostile, author: { name: hostile, slug: 'x' } })],
    }
    const xml = buildRssFeed(feed, options)
    expect(xml).not.toContain('<b>')
    const doc = parseXml(xml)
    expect(doc.getElementsByTagName('title')[0]?.textContent).toBe(hostile)
    expect(doc.getElementsByTagName('item')[0]?.getElementsByTagName('title')[0]?.textContent).toBe(hostile)
    expect(doc.getElementsByTagName('item')[0]?.getElementsByTagName('description')[0]?.textContent).toBe(hostile)
  })

  it('never lets "]]>" or control characters break the document', () => {
    const body = [text([span('Arrays like a[b[0]]> end here; a bell \u0007 and a form feed \u000c.')])]
    const feed: Feed = { settings: settings(), posts: [post({ title: 'CDATA ]]> test\u0000', body })] }
    const xml = buildRssFeed(feed, options)
    const doc = parseXml(xml)
    // the only "]]>" left are CDATA terminators: one per section
    expect(xml.split(']]>').length - 1).toBe(xml.split('<![CDATA[').length - 1)
    expect(doc.getElementsByTagName('item')[0]?.getElementsByTagName('title')[0]?.textContent).toBe('CDATA ]]> test')
    expect(itemHtml(doc).body.textContent).toContain('a[b[0]]> end here; a bell  and a form feed .')
  })

  it('keeps a literal "]]>" inside CDATA by splitting the section', () => {
    const wrapped = `<x>${cdata('before ]]> after ]]>')}</x>`
    expect(parseXml(wrapped).documentElement.textContent).toBe('before ]]> after ]]>')
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;')
  })

  it('makes every link and image in the content absolute', () => {
    const body: BodyBlock[] = [
      text([span('See '), span('the other article', ['int']), span(' or '), span('the source', ['ext']), span('.')], {
        markDefs: [
          { _type: 'internalLink', _key: 'int', href: '/blog/other-article', target: 'post' },
          { _type: 'link', _key: 'ext', href: 'https://example.org/study', openInNewTab: true },
        ],
      }),
      { _type: 'figure', _key: 'f1', image: image({ assetId: 'image-fig-800x600-jpg', alt: 'A figure', credit: 'Studio' }) },
      { _type: 'relatedArticle', _key: 'r1', post: card('related-post', { title: 'Related & read' }) },
      { _type: 'ctaBlock', _key: 'c1', cta: cta() },
    ]
    const doc = parseXml(buildRssFeed({ settings: settings(), posts: [post({ body })] }, options))
    const html = itemHtml(doc)
    const hrefs = Array.from(html.querySelectorAll('a')).map((a) => a.getAttribute('href'))
    expect(hrefs).toEqual([`${ORIGIN}/blog/other-article`, 'https://example.org/study', `${ORIGIN}/blog/related-post`, cta().href])
    const srcs = Array.from(html.querySelectorAll('img')).map((img) => img.getAttribute('src'))
    expect(srcs).toEqual([
      'https://cdn.example.com/images/image-0a1b2c-1600x1000-jpg.jpg?w=1200',
      'https://cdn.example.com/images/image-fig-800x600-jpg.jpg?w=1200',
    ])
    expect(html.querySelectorAll('img')[1]?.getAttribute('alt')).toBe('A figure')
    expect(html.querySelectorAll('figcaption')[0]?.textContent).toBe('The studio at dawn')
    expect(html.querySelectorAll('figcaption')[1]?.textContent).toBe('Studio')
    expect(html.body.textContent).toContain('Read more: Related & read')
    expect(html.body.textContent).toContain('Your first session, for less')
    // offer codes expire; feed readers keep items for years
    expect(html.body.textContent).not.toContain('BLOG')
  })
})

describe('bodyToHtml', () => {
  const render = (blocks: BodyBlock[]) => bodyToHtml(blocks, options)

  it('renders headings, quotes, decorators and pull quotes', () => {
    expect(
      render([
        text([span('Why it works')], { style: 'h2' }),
        text([span('Calm, '), span('really', ['em']), span(' '), span('calm', ['strong', 'em']), span(' ', []), span('x=1', ['code'])]),
        text([span('Breathe.')], { style: 'blockquote' }),
        { _type: 'pullQuote', _key: 'q', text: 'Pressure is not pain.', attribution: 'Maya' },
      ]),
    ).toBe(
      [
        '<h2>Why it works</h2>',
        '<p>Calm, <em>really</em> <strong><em>calm</em></strong> <code>x=1</code></p>',
        '<blockquote><p>Breathe.</p></blockquote>',
        '<blockquote><p>Pressure is not pain.</p><p>— Maya</p></blockquote>',
      ].join('\n'),
    )
  })

  it('keeps one link open across spans with different emphasis', () => {
    const block = text([span('read ', ['l']), span('this', ['l', 'strong']), span(' now', ['l'])], {
      markDefs: [{ _type: 'link', _key: 'l', href: 'https://example.org/?a=1&b=2', openInNewTab: false }],
    })
    expect(render([block])).toBe('<p><a href="https://example.org/?a=1&amp;b=2">read <strong>this</strong> now</a></p>')
  })

  it('nests lists by level and switches list type', () => {
    const item = (words: string, listItem: 'bullet' | 'number', level: number) => text([span(words)], { listItem, level })
    const html = render([
      item('one', 'bullet', 1),
      item('one.a', 'bullet', 2),
      item('one.b', 'bullet', 2),
      item('two', 'bullet', 1),
      item('first', 'number', 1),
      text([span('after')]),
    ])
    expect(html).toBe(
      ['<ul><li>one<ul><li>one.a</li><li>one.b</li></ul></li><li>two</li></ul><ol><li>first</li></ol>', '<p>after</p>'].join('\n'),
    )
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html')
    expect(doc.querySelectorAll('ul > li > ul > li')).toHaveLength(2)
  })

  it('keeps list markup valid when a level is skipped', () => {
    const html = render([text([span('deep')], { listItem: 'bullet', level: 3 })])
    expect(html).toBe('<ul><li><ul><li><ul><li>deep</li></ul></li></ul></li></ul>')
  })
})
