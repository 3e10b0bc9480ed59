import { describe, expect, it } from 'vitest'

import { validateHttpsUrl, validateSiteOrigin } from './https-url'

describe('validateHttpsUrl', () => {
  it('accepts https addresses', () => {
    expect(validateHttpsUrl('https://book.stillpoint.example/total-back?ref=blog')).toBe(true)
  })

  it('leaves a missing value to the required rule', () => {
    expect(validateHttpsUrl(undefined)).toBe(true)
  })

  it('rejects http and other protocols', () => {
    expect(validateHttpsUrl('http://book.stillpoint.example')).toMatch(/https:\/\//)
    expect(validateHttpsUrl('mailto:hello@stillpoint.example')).toMatch(/https:\/\//)
    expect(validateHttpsUrl('javascript:alert(1)')).toMatch(/https:\/\//)
  })

  it('rejects relative addresses', () => {
    expect(validateHttpsUrl('/book')).toMatch(/full https/)
  })

  it('rejects credentials in the address', () => {
    expect(validateHttpsUrl('https://user:secret@book.stillpoint.example')).toMatch(/password/)
  })
})

describe('validateSiteOrigin', () => {
  it('accepts a bare origin', () => {
    expect(validateSiteOrigin('https://journal.stillpoint.example')).toBe(true)
    expect(validateSiteOrigin('http://localhost:3000')).toBe(true)
  })

  it('rejects paths, queries and trailing slashes', () => {
    expect(validateSiteOrigin('https://journal.stillpoint.example/')).toMatch(/only the origin/)
    expect(validateSiteOrigin('https://journal.stillpoint.example/blog')).toMatch(/only the origin/)
    expect(validateSiteOrigin('https://journal.stillpoint.example?x=1')).toMatch(/only the origin/)
  })

  it('rejects non-web protocols', () => {
    expect(validateSiteOrigin('ftp://journal.stillpoint.example')).toMatch(/https:\/\//)
  })
})
