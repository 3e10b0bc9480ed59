import type { SlugValidationContext } from 'sanity'
import { describe, expect, it, vi } from 'vitest'

import { isUniqueSlug } from './unique-slug'

function contextFor(
  environment: 'cli' | 'studio',
  projectId: string,
  defaultIsUnique: SlugValidationContext['defaultIsUnique'],
): SlugValidationContext {
  const client = { config: () => ({ projectId }) }
  // Only the members the validator reads are provided; the rest of the context is irrelevant here.
  return { environment, defaultIsUnique, getClient: () => client } as unknown as SlugValidationContext
}

describe('isUniqueSlug', () => {
  it('skips the lake lookup in the CLI against the placeholder project', async () => {
    const defaultIsUnique = vi.fn(async () => false)
    expect(await isUniqueSlug('calm', contextFor('cli', 'local', defaultIsUnique))).toBe(true)
    expect(defaultIsUnique).not.toHaveBeenCalled()
  })

  it('uses Sanity’s check in the Studio, even with the placeholder project', async () => {
    const defaultIsUnique = vi.fn(async () => false)
    expect(await isUniqueSlug('calm', contextFor('studio', 'local', defaultIsUnique))).toBe(false)
    expect(defaultIsUnique).toHaveBeenCalledOnce()
  })

  it('uses Sanity’s check in the CLI against a real project', async () => {
    const defaultIsUnique = vi.fn(async () => false)
    expect(await isUniqueSlug('calm', contextFor('cli', 'abc123', defaultIsUnique))).toBe(false)
  })
})
