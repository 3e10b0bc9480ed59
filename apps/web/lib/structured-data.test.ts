import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { JsonLd } from '@/components/json-ld'
import { articleJsonLd, blogPostingJsonLd, breadcrumbJsonLd, serializeJsonLd, type ArticleStructuredDataInput } from './structured-data'

const ORIGIN = 'https://journal.example.com'

const input = (overrides: Partial<ArticleStructuredDataInput['post']> = {}): ArticleStructuredDataInput => ({
  origin: ORIGIN,
  siteTitle: 'Still Point Journal',
  images: ['https://cdn.example.com/hero-16x9.jpg', 'https://cdn.example.com/hero-1x1.jpg'],
  logoUrl: `${ORIGIN}/apple-icon`,
  post: {
    title: 'Quiet mind after a massage',
    slug: 'quiet-mind',
    excerpt: 'Why a calm hour on the table keeps working long after you leave.',
    publishedAt: '2025-07-22T09:00:00Z',
    updatedAt: '2025-08-01T10:00:00Z',
    author: { id: 'author-maya-lindqvist', name: 'Maya Lindqvist', slug: 'maya-lindqvist', role: 'Therapist', image: null },
    categories: [
      { id: 'c1', title: 'Stress & Sleep', slug: 'stress-sleep' },
      { id: 'c2', title: 'Recovery', slug: 'recovery' },
    ],
    seo: { metaTitle: null, metaDescription: null, noIndex: false, ogImage: null },
    ...overrides,
  },
})

describe('blogPostingJsonLd', () => {
  it('describes the article with absolute URLs, author, publisher and dates', () => {
    expect(blogPostingJsonLd(input())).toEqual({
      '@type': 'BlogPosting',
      '@id': `${ORIGIN}/blog/quiet-mind#article`,
      headline: 'Quiet mind after a massage',
      description: 'Why a calm hour on the table keeps working long after you leave.',
      url: `${ORIGIN}/blog/quiet-mind`,
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${ORIGIN}/blog/quiet-mind` },
      datePublished: '2025-07-22T09:00:00Z',
      dateModified: '2025-08-01T10:00:00Z',
      author: { '@type': 'Person', name: 'Maya Lindqvist', url: `${ORIGIN}/blog/author/maya-lindqvist` },
      publisher: {
        '@type': 'Organization',
        name: 'Still Point Journal',
        url: `${ORIGIN}/blog`,
        logo: { '@type': 'ImageObject', url: `${ORIGIN}/apple-icon` },
      },
      image: ['https://cdn.example.com/hero-16x9.jpg', 'https://cdn.example.com/hero-1x1.jpg'],
      articleSection: 'Stress & Sleep',
      keywords: ['Stress & Sleep', 'Recovery'],
      inLanguage: 'en',
    })
  })

  it('prefers the SEO description, falls back to the publish date and credits the publisher', () => {
    const data = blogPostingJsonLd(
      input({
        updatedAt: null,
        author: null,
        seo: { metaTitle: 'SEO title', metaDescription: 'SEO description', noIndex: false, ogImage: null },
      }),
    )
    expect(data.description).toBe('SEO description')
    expect(data.headline).toBe('Quiet mind after a massage')
    expect(data.dateModified).toBe('2025-07-22T09:00:00Z')
    expect(data.author).toMatchObject({ '@type': 'Organization', name: 'Still Point Journal' })
  })
})

describe('breadcrumbJsonLd', () => {
  it('runs Journal → first category → post', () => {
    expect(breadcrumbJsonLd(input())).toEqual({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Journal', item: `${ORIGIN}/blog` },
        { '@type': 'ListItem', position: 2, name: 'Stress & Sleep', item: `${ORIGIN}/blog/category/stress-sleep` },
        { '@type': 'ListItem', position: 3, name: 'Quiet mind after a massage', item: `${ORIGIN}/blog/quiet-mind` },
      ],
    })
  })

  it('skips the category crumb when the post has none', () => {
    const list = breadcrumbJsonLd(input({ categories: [] })).itemListElement as Array<{ position: number; name: string }>
    expect(list.map((item) => [item.position, item.name])).toEqual([
      [1, 'Journal'],
      [2, 'Quiet mind after a massage'],
    ])
  })
})

describe('serializeJsonLd and <JsonLd>', () => {
  const hostile = 'Rest </script><script>alert("x")</script> & <!-- more \u2028'

  it('leaves no character that could end the script, and parses back to the same data', () => {
    const json = serializeJsonLd({ headline: hostile })
    expect(json).not.toMatch(/[<>&\u2028\u2029]/u)
    expect(JSON.parse(json)).toEqual({ headline: hostile })
  })

  it('renders one script element whose JSON survives an HTML parser', () => {
    const data = articleJsonLd(input({ title: hostile }))
    const html = renderToStaticMarkup(createElement(JsonLd, { data }))
    const doc = new DOMParser().parseFromString(`<!doctype html><html><head>${html}</head><body></body></html>`, 'text/html')
    const scripts = doc.querySelectorAll('script')
    expect(scripts).toHaveLength(1)
    expect(scripts[0]?.getAttribute('type')).toBe('application/ld+json')
    expect(JSON.parse(scripts[0]?.textContent ?? '')).toEqual(data)
    expect(data['@context']).toBe('https://schema.org')
  })
})
