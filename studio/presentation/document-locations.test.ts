import { describe, expect, it } from 'vitest'

import { toDocumentLocations } from './document-locations'
import { isLocatedType } from './location-queries'

describe('toDocumentLocations', () => {
  it('places a post on its own page and the blog index', () => {
    expect(toDocumentLocations('post', { title: 'Quiet mind', slug: 'quiet-mind' })).toEqual({
      locations: [
        { title: 'Quiet mind', href: '/blog/quiet-mind' },
        { title: 'Blog', href: '/blog' },
      ],
    })
  })

  it('places authors and categories on their archive pages', () => {
    expect(toDocumentLocations('author', { title: 'Maya Lindqvist', slug: 'maya-lindqvist' })).toEqual({
      locations: [{ title: 'Maya Lindqvist', href: '/blog/author/maya-lindqvist' }],
    })
    expect(toDocumentLocations('category', { title: 'Recovery', slug: 'recovery' })).toEqual({
      locations: [{ title: 'Recovery', href: '/blog/category/recovery' }],
    })
  })

  it('asks for a slug when the document has none yet', () => {
    expect(toDocumentLocations('post', { title: 'Draft', slug: null })).toMatchObject({ tone: 'caution' })
    expect(toDocumentLocations('category', null)).toMatchObject({ tone: 'caution' })
  })

  it('lists the posts that use a CTA', () => {
    const result = { isDefault: false, posts: [{ title: 'A', slug: 'a' }, { title: null, slug: 'b' }, { title: 'No slug' }] }
    expect(toDocumentLocations('cta', result)).toEqual({
      locations: [
        { title: 'A', href: '/blog/a' },
        { title: 'Untitled post', href: '/blog/b' },
      ],
    })
  })

  it('explains an unused CTA, and says when it is the site default', () => {
    expect(toDocumentLocations('cta', { isDefault: false, posts: [] })).toEqual({
      message: 'No posts use this CTA yet',
      tone: 'caution',
    })
    expect(toDocumentLocations('cta', { isDefault: true, posts: [{ title: 'A', slug: 'a' }] })).toMatchObject({
      message: 'The site’s default CTA, shown on posts without their own',
    })
  })

  it('lists the posts that link to or book a treatment', () => {
    expect(toDocumentLocations('treatment', { posts: [{ title: 'A', slug: 'a' }] })).toEqual({
      locations: [{ title: 'A', href: '/blog/a' }],
    })
    expect(toDocumentLocations('treatment', { posts: [] })).toMatchObject({ tone: 'caution' })
  })
})

describe('isLocatedType', () => {
  it('knows the types that have location queries', () => {
    expect(isLocatedType('post')).toBe(true)
    expect(isLocatedType('treatment')).toBe(true)
    expect(isLocatedType('figure')).toBe(false)
    expect(isLocatedType('toString')).toBe(false)
  })
})
