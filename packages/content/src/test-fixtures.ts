/* Builders for small datasets shaped like the Content Lake's documents, used by the tests. */
import { evaluate, parse } from 'groq-js'

import { LISTED_UNTIL_ALL } from './moments.js'

export type Doc = Record<string, unknown> & { _id: string; _type: string }

let keyCounter = 0
export const key = () => `k${(keyCounter += 1)}`

export const ref = (id: string) => ({ _type: 'reference', _ref: id, _key: key() })

export const span = (text: string, marks: string[] = []) => ({ _type: 'span', _key: key(), text, marks })

export const block = (text: string, extra: Record<string, unknown> = {}) => ({
  _type: 'block',
  _key: key(),
  style: 'normal',
  markDefs: [],
  children: [span(text)],
  ...extra,
})

export const imageAsset = (id: string, width: number, height: number): Doc => ({
  _id: id,
  _type: 'sanity.imageAsset',
  metadata: { dimensions: { width, height, aspectRatio: width / height }, lqip: 'data:image/jpeg;base64,AAAA' },
})

export const figure = (assetId: string, alt: string | null = 'A calm room') => ({
  _type: 'figure',
  asset: { _type: 'reference', _ref: assetId },
  alt,
})

export function basePost(id: string, slug: string, publishedAt: string, extra: Record<string, unknown> = {}): Doc {
  return {
    _id: id,
    _type: 'post',
    title: `Title of ${slug}`,
    slug: { _type: 'slug', current: slug },
    excerpt: 'An excerpt long enough to satisfy the rules for the card on the index.',
    publishedAt,
    mainImage: figure('image-abc123-1600x1000-jpg'),
    author: ref('author-maya'),
    categories: [ref('category-recovery')],
    body: [block('One two three four five six seven eight nine ten.')],
    ...extra,
  }
}

export const baseDocs = (): Doc[] => [
  imageAsset('image-abc123-1600x1000-jpg', 1600, 1000),
  { _id: 'author-maya', _type: 'author', name: 'Maya Lindqvist', slug: { current: 'maya-lindqvist' }, role: 'Therapist' },
  { _id: 'category-recovery', _type: 'category', title: 'Recovery', slug: { current: 'recovery' } },
  { _id: 'category-sleep', _type: 'category', title: 'Stress & Sleep', slug: { current: 'stress-sleep' } },
  {
    _id: 'treatment-back',
    _type: 'treatment',
    name: 'Total Back, Glutes & Hamstrings Relief',
    slug: { current: 'total-back' },
    bookingUrl: 'https://book.example.com/treatments/total-back',
  },
  {
    _id: 'cta-live',
    _type: 'cta',
    internalName: 'Live',
    headline: 'Your first session, for less',
    buttonLabel: 'Book a session',
    url: 'https://book.example.com/',
    campaign: 'blog-first-session',
    offer: {
      _type: 'offer',
      code: 'BLOG',
      discountType: 'amount',
      discountValue: 10,
      currency: 'USD',
      minimumMinutes: 30,
      firstSessionOnly: true,
      startsAt: '2025-01-01T00:00:00Z',
      endsAt: '2030-12-31T23:59:59Z',
    },
  },
  {
    _id: 'cta-expired',
    _type: 'cta',
    internalName: 'Expired',
    headline: 'Spring reset',
    buttonLabel: 'Book the treatment',
    treatment: ref('treatment-back'),
    campaign: 'spring',
    offer: {
      _type: 'offer',
      code: 'SPRING',
      discountType: 'percent',
      discountValue: 20,
      startsAt: '2025-03-01T00:00:00Z',
      endsAt: '2025-05-31T23:59:59Z',
    },
  },
  {
    _id: 'siteSettings',
    _type: 'siteSettings',
    title: 'Still Point Journal',
    siteUrl: 'https://journal.example.com/',
    defaultCta: ref('cta-live'),
    socialLinks: [
      { _key: 's1', _type: 'socialLink', platform: 'instagram', handle: '@stillpoint', url: 'https://instagram.com/stillpoint' },
      { _key: 's2', _type: 'socialLink', platform: 'myspace', handle: '@old', url: 'https://myspace.com/x' },
    ],
    socialPrompt: 'Give us a shout on social',
  },
]

/** Evaluates a query; params also go to the parser, which substitutes them in slices as the Content Lake does. */
/** Runs a site query over `dataset`; posts are listed whatever their date unless `listedUntil` says otherwise. */
export async function runQuery(query: string, dataset: Doc[], params: Record<string, unknown> = {}): Promise<unknown> {
  const withClock = { listedUntil: LISTED_UNTIL_ALL, ...params }
  const result = await evaluate(parse(query, { params: withClock }), { dataset, params: withClock })
  return result.get()
}
