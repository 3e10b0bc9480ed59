import type { BookingCta, ImageData, Offer, PostCard } from '@journal/content'

export const image = (overrides: Partial<ImageData> = {}): ImageData => ({
  assetId: 'image-0a1b2c-1600x1000-jpg',
  width: 1600,
  height: 1000,
  lqip: null,
  alt: 'Soft sage gradient with a single arc',
  decorative: false,
  caption: null,
  credit: null,
  crop: null,
  hotspot: null,
  ...overrides,
})

export const offer = (overrides: Partial<Offer> = {}): Offer => ({
  code: 'BLOG',
  discountType: 'amount',
  discountValue: 10,
  currency: 'USD',
  minimumMinutes: 30,
  firstSessionOnly: true,
  startsAt: null,
  endsAt: null,
  ...overrides,
})

export const cta = (overrides: Partial<BookingCta> = {}): BookingCta => ({
  id: 'cta-1',
  headline: 'Your first session, for less',
  body: 'Thirty minutes of precise, repeatable pressure.',
  buttonLabel: 'Book a session',
  href: 'https://book.example.com/?utm_source=journal&utm_medium=blog&utm_campaign=c&utm_content=p',
  offer: offer(),
  ...overrides,
})

export const card = (id: string, overrides: Partial<PostCard> = {}): PostCard => ({
  id,
  title: `Post ${id}`,
  slug: id,
  href: `/blog/${id}`,
  excerpt: 'A short excerpt.',
  publishedAt: '2025-07-22T09:00:00Z',
  mainImage: image(),
  categories: [{ id: 'c', title: 'Recovery', slug: 'recovery' }],
  author: { name: 'Maya', slug: 'maya' },
  readingMinutes: 4,
  ...overrides,
})
