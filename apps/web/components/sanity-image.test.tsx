import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { image } from '@/test/fixtures'
import { SanityImage } from './sanity-image'

describe('SanityImage', () => {
  it('decodes an above-the-fold image in step with the first paint, and shows its LQIP while it loads', () => {
    const { container } = render(
      <SanityImage image={image({ lqip: 'data:image/jpeg;base64,AAAA' })} sizes="100vw" aspect={16 / 9} priority />,
    )
    const img = container.querySelector('img')
    expect(img?.getAttribute('decoding')).toBe('sync')
    expect(img?.getAttribute('loading')).not.toBe('lazy')
    expect(img?.getAttribute('style')).toContain('data:image/jpeg;base64,AAAA')
  })

  it('leaves every other image lazy and decoded off the main thread', () => {
    const { container } = render(<SanityImage image={image({ lqip: 'data:image/jpeg;base64,AAAA' })} sizes="100vw" />)
    const img = container.querySelector('img')
    expect(img?.getAttribute('decoding')).toBe('async')
    expect(img?.getAttribute('loading')).toBe('lazy')
    expect(img?.getAttribute('style')).toBeNull()
  })
})
