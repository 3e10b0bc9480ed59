import { afterEach, describe, expect, it, vi } from 'vitest'

import { studioPort } from './env'

describe('studioPort', () => {
  afterEach(() => vi.unstubAllEnvs())

  it("defaults to Sanity's 3333 when SANITY_STUDIO_PORT is unset or empty", () => {
    vi.stubEnv('SANITY_STUDIO_PORT', '')
    expect(studioPort()).toBe(3333)
  })

  it('reads SANITY_STUDIO_PORT', () => {
    vi.stubEnv('SANITY_STUDIO_PORT', '3399')
    expect(studioPort()).toBe(3399)
  })

  it.each(['0', '65536', '33.5', 'studio'])('refuses %s with a message naming the variable', (value) => {
    vi.stubEnv('SANITY_STUDIO_PORT', value)
    expect(() => studioPort()).toThrow(`SANITY_STUDIO_PORT must be a port number (1-65535), got "${value}"`)
  })
})
