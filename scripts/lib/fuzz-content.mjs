// Hostile and malformed documents for the fuzz test: wrong types, missing fields, dangling and
// circular references, unknown block and mark types, javascript: and data: URLs, huge strings,
// odd Unicode, HTML in text and </script> in titles. Everything comes from one seeded PRNG, so a
// seed reproduces a dataset exactly.

/** mulberry32: a tiny, fast 32-bit PRNG; good enough to spread test cases, not for secrets. */
export function mulberry32(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Strings that break naive HTML, XML, JSON-in-script, URL and text handling. */
export const HOSTILE_STRINGS = [
  '<script>fuzzAlert(1)</script>',
  '</script><script>fuzzAlert(2)</script>',
  '</SCRIPT ><script>fuzzAlert(3)</script>',
  '"><img src=x onerror=fuzzAlert(4)>',
  "'><svg onload=fuzzAlert(5)>",
  '<a href="javascript:fuzzAlert(6)">click</a>',
  '<iframe src="javascript:fuzzAlert(7)"></iframe>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:fuzzAlert(8)">',
  '<style>body{display:none}</style>',
  '<!--',
  '-->',
  ']]>',
  '<![CDATA[ fuzz ]]>',
  '{{constructor.constructor("fuzzAlert(9)")()}}',
  '${fuzzAlert(10)}',
  '&lt;script&gt;fuzzAlert(11)&lt;/script&gt;',
  '&#106;avascript:fuzzAlert(12)',
  '\u2028\u2029',
  '\u0000',
  '\u0001\u0008\u000b\u000c\u001f\u007f',
  '\ufffe\uffff',
  '\ud800',
  'x\udc00y',
  '\u202eevil\u202c',
  '\u200b\u200c\u200d\ufeff',
  'e\u0301\u0301\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '𝕳𝖊𝖑𝖑𝖔 𝔀𝓸𝓻𝓵𝓭',
  'ﷺ ؁ ༄ ꧅',
  '\\u003cscript\\u003e',
  '../../../etc/passwd',
  '%2e%2e%2f%00',
  '?x=1&y=<b>#frag',
  '  leading and trailing  ',
  '\n\n\t',
  '',
  ' ',
]

const SCRIPT_URLS = [
  'javascript:fuzzAlert(20)',
  ' JaVaScRiPt:fuzzAlert(21)',
  'java\tscript:fuzzAlert(22)',
  'java\nscript:fuzzAlert(23)',
  '\u0001javascript:fuzzAlert(24)',
  'javascript&colon;fuzzAlert(25)',
  'data:text/html;base64,PHNjcmlwdD5mdXp6QWxlcnQoMjYpPC9zY3JpcHQ+',
  'data:image/svg+xml,<svg onload=fuzzAlert(27)>',
  'vbscript:msgbox(28)',
]

const ODD_URLS = [
  '//evil.example/path',
  '\\\\evil.example\\path',
  'https://evil.example/"><script>fuzzAlert(30)</script>',
  "https://evil.example/'onmouseover='fuzzAlert(31)",
  'https://exa mple.com/',
  'https://user:pass@evil.example/',
  'http://[::1]:80/',
  'ftp://files.example/x',
  'file:///etc/passwd',
  '/blog/relative',
  '#anchor',
  'mailto:someone@example.com?subject=<script>',
  'tel:+1-555-0100',
  'https://',
  'https://xn--80ak6aa92e.example/',
  'http://book.stillpoint.example/plain-http',
  '',
]

const GOOD_URLS = ['https://book.stillpoint.example/fuzz', 'https://example.com/a?b=c#d', 'https://www.stillpoint.example/']

const WORDS = 'calm back neck sleep routine pressure robot session recovery breath shoulder stretch quiet focus rest'.split(' ')

export class Fuzz {
  constructor(seed) {
    this.random = mulberry32(seed)
  }

  float() {
    return this.random()
  }

  int(min, max) {
    return min + Math.floor(this.random() * (max - min + 1))
  }

  chance(probability) {
    return this.random() < probability
  }

  pick(list) {
    return list[Math.floor(this.random() * list.length)]
  }

  key() {
    return Math.floor(this.random() * 2 ** 32)
      .toString(16)
      .padStart(8, '0')
  }

  words(min = 2, max = 8) {
    return Array.from({ length: this.int(min, max) }, () => this.pick(WORDS)).join(' ')
  }

  /** Mostly readable text, often with something hostile mixed in, sometimes huge. */
  text() {
    const roll = this.random()
    if (roll < 0.35) return this.words()
    if (roll < 0.8) return `${this.words(0, 3)}${this.pick(HOSTILE_STRINGS)}${this.words(0, 3)}`
    if (roll < 0.998) return Array.from({ length: this.int(2, 4) }, () => this.pick(HOSTILE_STRINGS)).join(this.pick([' ', '', '\n']))
    return `${this.pick(HOSTILE_STRINGS)}${this.words(1, 3)} `.repeat(this.int(200, 2_000))
  }

  url() {
    const roll = this.random()
    if (roll < 0.4) return this.pick(GOOD_URLS)
    if (roll < 0.75) return this.pick(SCRIPT_URLS)
    return this.pick(ODD_URLS)
  }

  /** A value of some other type than the field expects. */
  wrongType() {
    return this.pick([
      () => this.int(-5, 5),
      () => 1e308,
      () => -0.5,
      () => this.chance(0.5),
      () => null,
      () => [],
      () => ({}),
      () => [this.text()],
      () => ({ current: this.text(), _type: 'slug' }),
      () => ({ _type: 'span', text: this.text() }),
      () => ({ nested: { deeper: [this.text(), { again: this.int(0, 9) }] } }),
    ])()
  }

  /** Usually a value from `good`, else a wrong type, else missing (undefined). */
  field(good, { wrong = 0.15, missing = 0.1 } = {}) {
    const roll = this.random()
    if (roll < wrong) return this.wrongType()
    if (roll < wrong + missing) return undefined
    return good()
  }

  date() {
    return this.pick([
      () => new Date(Date.UTC(2022, 0, 1) + this.int(0, 1400) * 86_400_000).toISOString(),
      () => new Date(Date.UTC(2022, 0, 1) + this.int(0, 1400) * 86_400_000).toISOString(),
      () => new Date(Date.UTC(2022, 0, 1) + this.int(0, 1400) * 86_400_000).toISOString(),
      () => '2999-12-31T23:59:59Z',
      () => '+275760-09-13T00:00:00.000Z',
      () => '-271821-04-20T00:00:00.000Z',
      () => '0001-01-01T00:00:00Z',
      () => '2024-02-30T10:00:00Z',
      () => '2024-13-45T99:99:99Z',
      () => '2024-06-01',
      () => 'yesterday',
      () => 'Tue, 01 Jul 2025 09:00:00 GMT',
      () => '',
      () => 1_700_000_000_000,
      () => this.pick(HOSTILE_STRINGS),
    ])()
  }

  slug(index, taken) {
    const roll = this.random()
    if (roll < 0.6) return `fuzz-${index}-${this.key()}`
    if (roll < 0.7 && taken.length > 0) return this.pick(taken) // a duplicate of another document's slug
    return this.pick([
      () => '',
      () => '   ',
      () => 'a/b',
      () => '../escape',
      () => '.',
      () => '..',
      () => this.pick(['page', 'category', 'author', 'feed', 'feed.xml', 'opengraph-image', '_next', 'api', 'index']),
      () => '%',
      () => '%2F%2Fevil.example',
      () => '?query',
      () => '#hash',
      () => 'UPPER Case With Spaces',
      () => `naïve-ß-日本語-${index}`,
      () => `emoji-👩‍👩‍👧‍👦-${index}`,
      () => `${'long-'.repeat(this.int(40, 120))}${index}`,
      () => `lone-\ud800-${index}`,
      () => `nul-\u0000-${index}`,
      () => `line-\u2028-${index}`,
      () => `<script>fuzzAlert(${index})</script>`,
      () => 'javascript:fuzzAlert(40)',
      () => '//evil.example',
      () => `trailing-space-${index} `,
      () => `${index}`,
    ])()
  }
}

const REFERENCE_TYPES = ['post', 'author', 'category', 'cta', 'treatment']

/**
 * Which documents to build: `count` of them, authors and categories first (so posts can reference
 * them), then a random mix of types. Returns the plan and the pools of ids and slugs the hostile
 * values draw from (the seed's and the planned ones).
 */
function planDocuments(fuzz, count, seedDocuments) {
  const ids = Object.fromEntries(
    REFERENCE_TYPES.map((type) => [type, seedDocuments.filter((doc) => doc._type === type).map((doc) => doc._id)]),
  )
  const slugs = seedDocuments.map((doc) => doc.slug?.current).filter((slug) => typeof slug === 'string')
  const assetIds = []
  const plan = []
  // Authors and categories first, so posts can reference them; every one of their pages is
  // prerendered by the build, so there are only so many.
  const people = Math.min(40, Math.ceil(count / 50))
  for (let index = 0; index < count; index += 1) {
    const roll = fuzz.float()
    const type =
      index < people
        ? 'author'
        : index < 2 * people
          ? 'category'
          : roll < 0.5
            ? 'post'
            : roll < 0.65
              ? 'cta'
              : roll < 0.75
                ? 'treatment'
                : roll < 0.85
                  ? 'sanity.imageAsset'
                  : 'mystery'
    const id =
      type === 'sanity.imageAsset' ? `image-${fuzzHex(fuzz, 40)}-${fuzz.int(1, 4000)}x${fuzz.int(1, 4000)}-png` : `fuzz-${type}-${index}`
    plan.push({ type, id, index })
    if (REFERENCE_TYPES.includes(type)) ids[type].push(id)
    if (type === 'sanity.imageAsset') assetIds.push(id)
  }
  const allIds = Object.values(ids).flat()

  return { plan, ids, allIds, assetIds, slugs }
}

/** Generators of hostile field values: references, images, Portable Text, slugs, social links. */
function hostileValues(fuzz, { ids, allIds, assetIds, imageFiles, slugs }) {
  const reference = (type) =>
    fuzz.pick([
      () => ({ _type: 'reference', _ref: fuzz.pick(ids[type]) }),
      () => ({ _type: 'reference', _ref: fuzz.pick(ids[type]) }),
      () => ({ _type: 'reference', _ref: fuzz.pick(ids[type]) }),
      () => ({ _type: 'reference', _ref: `missing-${type}-${fuzz.key()}` }),
      () => ({ _type: 'reference', _ref: fuzz.pick(allIds) }), // the wrong type of document
      () => ({ _type: 'reference', _ref: fuzz.pick(ids[type]), _weak: true }),
      () => ({ _type: 'reference', _ref: fuzz.wrongType() }),
      () => ({ _type: 'reference' }),
      () => fuzz.wrongType(),
    ])()

  const image = () =>
    fuzz.pick([
      () => ({ _type: 'figure', _sanityAsset: `image@file://./images/${fuzz.pick(imageFiles)}`, alt: fuzz.field(() => fuzz.text()) }),
      () => ({
        _type: 'figure',
        _sanityAsset: `image@file://./images/${fuzz.pick(imageFiles)}`,
        alt: fuzz.text(),
        caption: fuzz.text(),
        credit: fuzz.text(),
        decorative: fuzz.field(() => fuzz.chance(0.3)),
      }),
      () => ({
        _type: 'figure',
        asset: { _type: 'reference', _ref: assetIds.length ? fuzz.pick(assetIds) : 'image-none-1x1-png' },
        alt: fuzz.text(),
      }),
      () => ({
        _type: 'figure',
        asset: { _type: 'reference', _ref: assetIds.length ? fuzz.pick(assetIds) : 'image-none-1x1-png' },
        alt: fuzz.text(),
      }),
      () => ({ _type: 'figure', asset: { _type: 'reference', _ref: `image-${fuzzHex(fuzz, 40)}-10x10-png` }, alt: fuzz.text() }),
      () => ({ _type: 'figure', asset: { _type: 'reference', _ref: fuzz.pick(HOSTILE_STRINGS) }, alt: fuzz.text() }),
      () => ({
        _type: 'figure',
        _sanityAsset: `image@file://./images/${fuzz.pick(imageFiles)}`,
        alt: fuzz.text(),
        crop: fuzz.pick([
          { top: -1, bottom: 2, left: 'x', right: null },
          { top: 0.6, bottom: 0.6, left: 0.6, right: 0.6 },
          fuzz.wrongType(),
        ]),
        hotspot: fuzz.pick([{ x: 5, y: -5, width: 0, height: 1e308 }, { x: 'a' }, fuzz.wrongType()]),
      }),
      () => fuzz.wrongType(),
    ])()

  const markDef = () =>
    fuzz.pick([
      () => ({ _type: 'link', _key: fuzz.key(), href: fuzz.url(), openInNewTab: fuzz.field(() => fuzz.chance(0.5)) }),
      () => ({ _type: 'link', _key: fuzz.key(), href: fuzz.url() }),
      () => ({ _type: 'internalLink', _key: fuzz.key(), reference: reference(fuzz.pick(['post', 'category', 'treatment', 'author'])) }),
      () => ({
        _type: fuzz.pick(['script', 'onclick', 'html', 'comment', 'highlight']),
        _key: fuzz.key(),
        href: fuzz.url(),
        html: fuzz.text(),
      }),
      () => ({ _type: 'link', href: fuzz.url() }),
      () => fuzz.wrongType(),
    ])()

  const textBlock = () => {
    const markDefs = Array.from({ length: fuzz.int(0, 3) }, markDef)
    const keys = markDefs.map((def) => def?._key).filter((key) => typeof key === 'string')
    const mark = () => fuzz.pick(['strong', 'em', 'code', 'underline', 'strike-through', '<script>', ...keys, ...keys, 'missing-key'])
    return {
      _type: 'block',
      _key: fuzz.field(() => fuzz.key(), { wrong: 0.05, missing: 0.05 }),
      style: fuzz.pick(['normal', 'normal', 'h2', 'h3', 'h4', 'blockquote', 'h1', 'h6', 'script', 5, null]),
      listItem: fuzz.chance(0.2) ? fuzz.pick(['bullet', 'number', 'checkbox', 7]) : undefined,
      level: fuzz.chance(0.2) ? fuzz.pick([1, 2, 3, 4, 0, -1, 1e9, 2.5, 'two']) : undefined,
      markDefs: fuzz.field(() => markDefs, { wrong: 0.05, missing: 0.05 }),
      children: fuzz.field(
        () =>
          Array.from({ length: fuzz.int(1, 5) }, () =>
            fuzz.chance(0.9)
              ? {
                  _type: 'span',
                  _key: fuzz.key(),
                  text: fuzz.field(() => fuzz.text(), { wrong: 0.05, missing: 0.03 }),
                  marks: fuzz.field(() => Array.from({ length: fuzz.int(0, 3) }, mark), { wrong: 0.05, missing: 0.1 }),
                }
              : fuzz.wrongType(),
          ),
        { wrong: 0.05, missing: 0.03 },
      ),
    }
  }

  const bodyBlock = (selfId) =>
    fuzz.pick([
      textBlock,
      textBlock,
      textBlock,
      textBlock,
      () => ({ ...image(), _key: fuzz.key() }),
      () => ({ _type: 'ctaBlock', _key: fuzz.key(), cta: fuzz.field(() => reference('cta')) }),
      () => ({ _type: 'pullQuote', _key: fuzz.key(), text: fuzz.field(() => fuzz.text()), attribution: fuzz.field(() => fuzz.text()) }),
      () => ({
        _type: 'relatedArticle',
        _key: fuzz.key(),
        post: fuzz.chance(0.2) ? { _type: 'reference', _ref: selfId } : reference('post'),
      }),
      () => ({
        _type: fuzz.pick(['html', 'script', 'iframe', 'code', 'embed', 'video', 'table', '<img src=x onerror=fuzzAlert(50)>', '']),
        _key: fuzz.key(),
        html: fuzz.text(),
        code: fuzz.text(),
        url: fuzz.url(),
        src: fuzz.url(),
      }),
      () => fuzz.wrongType(),
    ])()

  const body = (selfId) => {
    const roll = fuzz.float()
    if (roll < 0.05) return fuzz.wrongType()
    if (roll < 0.06) return Array.from({ length: fuzz.int(300, 1000) }, () => bodyBlock(selfId))
    return Array.from({ length: fuzz.int(0, 14) }, () => bodyBlock(selfId))
  }

  const slugField = (index) => fuzz.field(() => ({ _type: 'slug', current: fuzz.slug(index, slugs) }), { wrong: 0.06, missing: 0.04 })

  const socialLinks = () =>
    fuzz.field(() =>
      Array.from({ length: fuzz.int(0, 4) }, () => ({
        _key: fuzz.key(),
        _type: 'socialLink',
        platform: fuzz.pick(['instagram', 'tiktok', 'x', 'youtube', 'myspace', '<script>', 3]),
        handle: fuzz.field(() => fuzz.text()),
        url: fuzz.url(),
      })),
    )

  return { reference, image, markDef, textBlock, bodyBlock, body, slugField, socialLinks }
}

/** One planned document, every field of its type present, wrong, missing or hostile. */
function hostileDocument(fuzz, values, { type, id, index }, slugs) {
  const { reference, image, body, bodyBlock, slugField, socialLinks } = values
  const base = { _id: id, _type: type }
  switch (type) {
    case 'post': {
      const slug = slugField(index)
      if (typeof slug?.current === 'string') slugs.push(slug.current)
      return {
        ...base,
        title: fuzz.field(() => fuzz.text(), { wrong: 0.08, missing: 0.04 }),
        slug,
        excerpt: fuzz.field(() => fuzz.text()),
        publishedAt: fuzz.field(() => fuzz.date(), { wrong: 0.05, missing: 0.05 }),
        mainImage: fuzz.field(image),
        author: fuzz.field(() => reference('author')),
        reviewedBy: fuzz.chance(0.3) ? reference('author') : undefined,
        categories: fuzz.field(() => Array.from({ length: fuzz.int(0, 4) }, () => ({ ...reference('category'), _key: fuzz.key() }))),
        body: body(id),
        relatedPosts: fuzz.chance(0.5)
          ? Array.from({ length: fuzz.int(0, 4) }, () => ({
              ...(fuzz.chance(0.2) ? { _type: 'reference', _ref: id } : reference('post')),
              _key: fuzz.key(),
            }))
          : undefined,
        cta: fuzz.field(() => reference('cta')),
        seo: fuzz.field(() => ({
          metaTitle: fuzz.field(() => fuzz.text()),
          metaDescription: fuzz.field(() => fuzz.text()),
          noIndex: fuzz.field(() => fuzz.chance(0.2)),
          ogImage: fuzz.field(image),
        })),
        previousSlugs: fuzz.chance(0.2) ? Array.from({ length: fuzz.int(1, 3) }, () => fuzz.slug(index + 100_000, slugs)) : undefined,
      }
    }
    case 'author': {
      const slug = slugField(index)
      if (typeof slug?.current === 'string') slugs.push(slug.current)
      return {
        ...base,
        name: fuzz.field(() => fuzz.text()),
        slug,
        role: fuzz.field(() => fuzz.text()),
        image: fuzz.field(image),
        bio: fuzz.field(() => Array.from({ length: fuzz.int(0, 4) }, () => bodyBlock(id))),
        socialLinks: socialLinks(),
      }
    }
    case 'category': {
      const slug = slugField(index)
      if (typeof slug?.current === 'string') slugs.push(slug.current)
      return { ...base, title: fuzz.field(() => fuzz.text()), slug, description: fuzz.field(() => fuzz.text()) }
    }
    case 'cta':
      return {
        ...base,
        internalName: fuzz.text(),
        headline: fuzz.field(() => fuzz.text()),
        body: fuzz.field(() => fuzz.text()),
        buttonLabel: fuzz.field(() => fuzz.text()),
        url: fuzz.field(() => fuzz.url()),
        campaign: fuzz.field(() => fuzz.text()),
        treatment: fuzz.field(() => reference('treatment')),
        offer: fuzz.field(() => ({
          code: fuzz.pick(['FUZZ10', 'BLOG', 'lowercase', '<script>', 'A'.repeat(50), 'AB', fuzz.text(), 42]),
          discountType: fuzz.pick(['amount', 'percent', 'free', null]),
          discountValue: fuzz.pick([10, 100, 101, 0, -5, 1e308, 'ten', 12.5]),
          currency: fuzz.pick(['USD', 'EUR', 'usd', 'DOLLARS', '<b>', null]),
          minimumMinutes: fuzz.pick([30, 0, -10, 2.5, '60', null]),
          firstSessionOnly: fuzz.field(() => fuzz.chance(0.5)),
          startsAt: fuzz.field(() => fuzz.date()),
          endsAt: fuzz.field(() => fuzz.date()),
        })),
      }
    case 'treatment':
      return {
        ...base,
        name: fuzz.field(() => fuzz.text()),
        slug: slugField(index),
        bookingUrl: fuzz.field(() => fuzz.url()),
        summary: fuzz.field(() => fuzz.text()),
      }
    case 'sanity.imageAsset':
      return {
        ...base,
        url: fuzz.url(),
        mimeType: fuzz.pick(['image/png', 'text/html', '<script>']),
        metadata: fuzz.field(() => ({
          dimensions: fuzz.field(() =>
            fuzz.chance(0.7)
              ? { width: fuzz.int(1, 4000), height: fuzz.int(1, 4000) }
              : { width: fuzz.pick([0, -1, 1e308, 2.5, '800']), height: fuzz.pick([0, -1, 1e308, 3.5, '600']) },
          ),
          lqip: fuzz.pick([
            'data:image/png;base64,iVBORw0KGgo=',
            'data:image/svg+xml,<svg onload=fuzzAlert(60)>',
            'data:image/png;base64,x");background:url(https://evil.example/track',
            'data:image/png;base64,x\\"); } body { display: none',
            'javascript:fuzzAlert(61)',
            fuzz.text(),
          ]),
        })),
      }
    default:
      return {
        ...base,
        _type: fuzz.pick(['mystery', 'post.draft', 'script', '<b>', 'sanity.fileAsset']),
        title: fuzz.text(),
        slug: slugField(index),
        body: body(id),
      }
  }
}

/**
 * Builds `count` documents against the seed's documents (so references can point at real ones).
 * Returns the lines to write.
 */
export function fuzzDocuments(fuzz, count, seedDocuments, imageFiles) {
  const pools = planDocuments(fuzz, count, seedDocuments)
  const values = hostileValues(fuzz, { ...pools, imageFiles })
  return pools.plan.map((entry) => JSON.stringify(hostileDocument(fuzz, values, entry, pools.slugs)))
}

/** The site settings with hostile values where the seed has good ones. */
export function hostileSettings(fuzz, settings) {
  return {
    ...settings,
    title: fuzz.chance(0.5) ? `${settings.title} </script><script>fuzzAlert(70)</script>` : fuzz.field(() => fuzz.text()),
    description: fuzz.field(() => fuzz.text()),
    socialPrompt: fuzz.field(() => fuzz.text()),
    bookingUrl: fuzz.url(),
    socialLinks: [
      ...(Array.isArray(settings.socialLinks) ? settings.socialLinks : []),
      { _key: 'fuzz-js', _type: 'socialLink', platform: 'x', handle: '<script>fuzzAlert(71)</script>', url: 'javascript:fuzzAlert(72)' },
      {
        _key: 'fuzz-data',
        _type: 'socialLink',
        platform: 'instagram',
        handle: '"><svg onload=fuzzAlert(73)>',
        url: 'data:text/html,<script>fuzzAlert(74)</script>',
      },
    ],
  }
}

function fuzzHex(fuzz, length) {
  let hex = ''
  while (hex.length < length) hex += fuzz.key()
  return hex.slice(0, length)
}
