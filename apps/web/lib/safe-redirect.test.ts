import { describe, expect, it } from 'vitest'

import { safeRedirectPath } from './safe-redirect'

describe('safeRedirectPath', () => {
  it('keeps paths on this site', () => {
    expect(safeRedirectPath('/blog/a-post')).toBe('/blog/a-post')
    expect(safeRedirectPath('/blog?x=1#top')).toBe('/blog?x=1#top')
  })

  it.each(['//evil.example/x', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', 'blog', '', null])(
    'sends %s to the fallback',
    (value) => {
      expect(safeRedirectPath(value)).toBe('/blog')
    },
  )
})
