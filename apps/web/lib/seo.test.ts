import type { Post, PostPage, SiteSettings } from '@journal/content'
import { describe, expect, it } from 'vitest'

import { image } from '@/test/fixtures'
import { articleStructuredData, authorDescription, listingMetadata, postMetadata } from './seo'

const ORIGIN = 'https://journal.example.com'

const settings = (overrides: Partial<SiteSettings> = {}): SiteSettings => ({
  title: 'Still Point Journal',
  description: 'Notes on recovery and rest.',
  siteUrl: ORIGIN,
  bookingUrl: null,
  defaultCta: null,
  socialLinks: [{ platform: 'x', handle: 'stillpoint', url: 'https://x.com/stillpoint' }],
  socialPrompt: null,
  ogImage: null,
  ...overrides,
})

const post = (overrides: Partial<Post> = {}): Post => ({
  id: 'post-quiet-mind',
  updatedAt: '2025-08-01T10:00:00Z',
  title: 'Quiet mind after a massage',
  slug: 'quiet-mind',
  excerpt: 'Why a calm hour keeps working.',
  publishedAt: '2025-07-22T09:00:00Z',
  mainImage: image(),
  author: { id: 'author-maya-lindqvist', name: 'Maya Lindqvist', slug: 'maya-lindqvist', role: 'Therapist', image: null },
  reviewedBy: null,
  categories: [
    { id: 'c1', title: 'Recovery', slug: 'recovery' },
    { id: 'c2', title: 'Sleep', slug: 'sleep' },
  ],
  body: [],
  headings: [],
  readingMinutes: 4,
  relatedPosts: [],
  cta: null,
  seo: { metaTitle: null, metaDescription: null, noIndex: false, ogImage: null },
  previous: null,
  next: null,
  ...overrides,
})

const page = (overrides: Partial<Post> = {}, site: Partial<SiteSettings> = {}): PostPage => ({
  post: post(overrides),
  settings: settings(site),
})

describe('postMetadata', () => {
  it('uses the title and excerpt by default, with absolute canonical and article Open Graph', () => {
    const metadata = postMetadata(page())
    expect(metadata.title).toBe('Quiet mind after a massage')
    expect(metadata.description).toBe('Why a calm hour keeps working.')
    expect(metadata.alternates).toEqual({
      canonical: `${ORIGIN}/blog/quiet-mind`,
      types: { 'application/rss+xml': [{ url: `${ORIGIN}/blog/feed.xml`, title: 'Still Point Journal' }] },
    })
    expect(metadata.robots).toBeUndefined()
    expect(metadata.openGraph).toMatchObject({
      type: 'article',
      url: `${ORIGIN}/blog/quiet-mind`,
      title: 'Quiet mind after a massage',
      siteName: 'Still Point Journal',
      publishedTime: '2025-07-22T09:00:00Z',
      modifiedTime: '2025-08-01T10:00:00Z',
      authors: [`${ORIGIN}/blog/author/maya-lindqvist`],
      section: 'Recovery',
      tags: ['Recovery', 'Sleep'],
    })
    expect(metadata.twitter).toMatchObject({ card: 'summary_large_image', site: '@stillpoint' })
  })

  it('lets every SEO override win over its default', () => {
    const metadata = postMetadata(
      page({ seo: { metaTitle: 'Calm after touch', metaDescription: 'The SEO description.', noIndex: true, ogImage: null } }),
    )
    expect(metadata.title).toBe('Calm after touch')
    expect(metadata.description).toBe('The SEO description.')
    expect(metadata.openGraph).toMatchObject({ title: 'Calm after touch', description: 'The SEO description.' })
    expect(metadata.twitter).toMatchObject({ title: 'Calm after touch', description: 'The SEO description.' })
    expect(metadata.robots).toEqual({ index: false, follow: true })
  })

  it('shares the generated card unless the editor chose an SEO image', () => {
    const generated = postMetadata(page())
    const images = (generated.openGraph as { images: Array<{ url: string; width: number; height: number }> }).images
    expect(images).toHaveLength(1)
    const url = new URL(images[0]?.url ?? '')
    expect(url.origin + url.pathname).toBe(`${ORIGIN}/blog/quiet-mind/opengraph-image`)
    expect(url.searchParams.get('v')).toBe(Date.parse('2025-08-01T10:00:00Z').toString(36))
    expect(images[0]).toMatchObject({ width: 1200, height: 630, alt: 'Quiet mind after a massage' })

    const chosen = postMetadata(
      page({
        seo: {
          metaTitle: null,
          metaDescription: null,
          noIndex: false,
          ogImage: image({ assetId: 'image-og1-1200x630-jpg', alt: 'Rings' }),
        },
      }),
    )
    const chosenImages = (chosen.openGraph as { images: Array<{ url: string; alt: string }> }).images
    expect(chosenImages[0]?.url).toContain('og1-1200x630.jpg')
    expect(chosenImages[0]?.url).toMatch(/^https?:\/\//u)
    expect(chosenImages[0]?.alt).toBe('Rings')
    expect((chosen.twitter as { images: Array<{ url: string }> }).images[0]?.url).toBe(chosenImages[0]?.url)
  })
})

describe('listingMetadata', () => {
  it('sets canonical, Open Graph and Twitter, falling back to the site description', () => {
    const metadata = listingMetadata({ settings: settings(), path: '/blog/category/recovery', title: 'Recovery', description: null })
    expect(metadata.description).toBe('Notes on recovery and rest.')
    expect(metadata.alternates?.canonical).toBe(`${ORIGIN}/blog/category/recovery`)
    expect(metadata.openGraph).toMatchObject({ type: 'website', url: `${ORIGIN}/blog/category/recovery`, title: 'Recovery' })
    expect(metadata.twitter).toMatchObject({ card: 'summary' })
  })

  it('shares the site image when settings have one', () => {
    const metadata = listingMetadata({
      settings: settings({ ogImage: image() }),
      path: '/blog',
      title: 'Journal',
      description: 'Own description',
    })
    expect(metadata.description).toBe('Own description')
    expect((metadata.openGraph as { images: unknown[] }).images).toHaveLength(1)
    expect(metadata.twitter).toMatchObject({ card: 'summary_large_image' })
  })
})

describe('articleStructuredData', () => {
  it('gives three crops of the hero and the generated card without one', () => {
    const withHero = articleStructuredData(page()) as { '@graph': Array<{ image?: string[] }> }
    expect(withHero['@graph'][0]?.image).toHaveLength(3)
    const without = articleStructuredData(page({ mainImage: null })) as { '@graph': Array<{ image?: string[] }> }
    expect(without['@graph'][0]?.image?.[0]).toContain(`${ORIGIN}/blog/quiet-mind/opengraph-image`)
  })
})

describe('authorDescription', () => {
  it('uses the bio, else says who the author is', () => {
    expect(authorDescription({ name: 'Maya', role: 'Therapist', bio: [] })).toBe('Articles by Maya, Therapist.')
    const bio = [
      {
        _type: 'block' as const,
        _key: 'b',
        style: 'normal' as const,
        markDefs: [],
        children: [{ _type: 'span' as const, _key: 's', text: 'word '.repeat(50), marks: [] }],
      },
    ]
    const description = authorDescription({ name: 'Maya', role: null, bio })
    expect(description.length).toBeLessThanOrEqual(160)
    expect(description.endsWith('word…')).toBe(true)
  })
})
