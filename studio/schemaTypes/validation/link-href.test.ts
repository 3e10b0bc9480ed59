import { describe, expect, it } from 'vitest'

import { validateLinkHref } from './link-href'

describe('validateLinkHref', () => {
  it('accepts http, https, mailto and tel links', () => {
    for (const href of [
      'https://book.stillpoint.example/total-back',
      'http://example.com/page?x=1#top',
      'mailto:hello@stillpoint.example',
      'tel:+15550100',
    ]) {
      expect(validateLinkHref(href), href).toBe(true)
    }
  })

  it('leaves a missing href to the required rule', () => {
    expect(validateLinkHref(undefined)).toBe(true)
  })

  it('rejects script and data URLs', () => {
    expect(validateLinkHref('javascript:alert(1)')).toMatch(/javascript/)
    expect(validateLinkHref('data:text/html,<b>x</b>')).toMatch(/data/)
    expect(validateLinkHref('ftp://files.example.com')).toMatch(/ftp/)
  })

  it('rejects relative and malformed addresses', () => {
    expect(validateLinkHref('/blog/some-post')).toMatch(/full address/)
    expect(validateLinkHref('www.example.com')).toMatch(/full address/)
  })

  it('rejects credentials in web links', () => {
    expect(validateLinkHref('https://user:secret@example.com')).toMatch(/password/)
  })

  it('rejects mailto and tel without a target', () => {
    expect(validateLinkHref('mailto:')).toMatch(/email address/)
    expect(validateLinkHref('tel:')).toMatch(/phone number/)
  })
})
