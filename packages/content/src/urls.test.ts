import { describe, expect, it } from 'vitest'

import { absoluteUrl, authorHref, blogIndexHref, categoryHref, postHref, ROUTE_PATTERNS, withUtm } from './hrefs.js'
import { normaliseOrigin, safeExternalHref, safeHttpsUrl } from './urls.js'

describe('safeExternalHref', () => {
  it.each(['https://example.com/a?b=c', 'http://example.com', 'mailto:hello@example.com', 'tel:+15551234567'])('keeps %s', (href) => {
    expect(safeExternalHref(href)).not.toBeNull()
  })

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox',
    '/relative/path',
    '',
    'not a url',
    42,
    null,
  ])('rejects %s', (href) => {
    expect(safeExternalHref(href)).toBeNull()
  })
})

describe('safeHttpsUrl', () => {
  it('only accepts https', () => {
    expect(safeHttpsUrl('https://book.example.com/x')).toBe('https://book.example.com/x')
    expect(safeHttpsUrl('http://book.example.com/x')).toBeNull()
    expect(safeHttpsUrl('javascript:alert(1)')).toBeNull()
  })
})

describe('normaliseOrigin', () => {
  it('reduces a URL to its origin', () => {
    expect(normaliseOrigin('https://journal.example.com/blog/')).toBe('https://journal.example.com')
    expect(normaliseOrigin('ftp://x')).toBeNull()
  })
})

describe('site hrefs', () => {
  it('builds every route from the one builder', () => {
    expect(postHref('a-post')).toBe('/blog/a-post')
    expect(categoryHref('recovery')).toBe('/blog/category/recovery')
    expect(authorHref('maya')).toBe('/blog/author/maya')
    expect(blogIndexHref(1)).toBe('/blog')
    expect(blogIndexHref(3)).toBe('/blog/page/3')
    expect(categoryHref('recovery', 2)).toBe('/blog/category/recovery/page/2')
    expect(categoryHref('recovery', 1)).toBe('/blog/category/recovery')
    expect(authorHref('maya lind', 3)).toBe('/blog/author/maya%20lind/page/3')
    expect(postHref('a b/c')).toBe('/blog/a%20b%2Fc')
  })

  it('has route patterns that match the addresses the builders make, and only those', () => {
    // The pattern syntax of the Studio's Presentation tool (path-to-regexp): ":name" is one segment.
    const matches = (pattern: string, path: string) => new RegExp(`^${pattern.replace(/:[a-z]+/g, '[^/]+')}$`).test(path)
    expect(matches(ROUTE_PATTERNS.post, postHref('a-post'))).toBe(true)
    expect(matches(ROUTE_PATTERNS.category, categoryHref('recovery'))).toBe(true)
    expect(matches(ROUTE_PATTERNS.author, authorHref('maya lind'))).toBe(true)
    expect(matches(ROUTE_PATTERNS.blogIndex[0], blogIndexHref(1))).toBe(true)
    expect(matches(ROUTE_PATTERNS.blogIndex[1], blogIndexHref(4))).toBe(true)
    expect(matches(ROUTE_PATTERNS.post, categoryHref('recovery'))).toBe(false)
    expect(matches(ROUTE_PATTERNS.category, categoryHref('recovery', 2))).toBe(false)
  })

  it('makes absolute URLs on the canonical origin', () => {
    expect(absoluteUrl('https://journal.example.com/', '/blog/x')).toBe('https://journal.example.com/blog/x')
  })
})

describe('withUtm', () => {
  it('adds the four UTM parameters', () => {
    const url = new URL(withUtm('https://book.example.com/t', { campaign: 'spring', content: 'a-post' }))
    expect(Object.fromEntries(url.searchParams)).toEqual({
      utm_source: 'journal',
      utm_medium: 'blog',
      utm_campaign: 'spring',
      utm_content: 'a-post',
    })
  })

  it('keeps parameters the editor already set and leaves out empty ones', () => {
    const url = new URL(withUtm('https://book.example.com/t?utm_source=newsletter&x=1', { campaign: null, content: 'p' }))
    expect(url.searchParams.get('utm_source')).toBe('newsletter')
    expect(url.searchParams.get('x')).toBe('1')
    expect(url.searchParams.has('utm_campaign')).toBe(false)
  })
})
