import { createClient, type SanityClient } from '@sanity/client'
import { startLake } from '../lake.js'
import type { Lake, LakeOptions } from '../types.js'
import { createFixture, FIXTURE_DOCUMENTS } from './fixture.js'

export const TOKEN = 'test-token-0123456789'

export interface TestLake {
  lake: Lake
  dir: string
  /** Anonymous client, published perspective. */
  client: SanityClient
  /** Client with the lake's token. */
  authed: SanityClient
  stop(): Promise<void>
}

export function clientFor(lake: Lake, token?: string): SanityClient {
  return createClient({
    apiHost: lake.url,
    useProjectHostname: false,
    projectId: 'local',
    dataset: 'production',
    apiVersion: '2025-10-01',
    useCdn: false,
    token,
    // Tests want the lake's first answer, not the client's retries.
    maxRetries: 0,
  })
}

/** A lake on a free port over a fresh temp copy of the fixture dataset. */
export async function startTestLake(
  options: Partial<LakeOptions> = {},
  documents: Record<string, unknown>[] = FIXTURE_DOCUMENTS,
): Promise<TestLake> {
  const fixture = await createFixture(documents)
  const lake = await startLake({ port: 0, datasetDir: fixture.dir, token: TOKEN, ...options }).catch(async (error: unknown) => {
    await fixture.cleanup()
    throw error
  })
  return {
    lake,
    dir: fixture.dir,
    client: clientFor(lake),
    authed: clientFor(lake, TOKEN),
    stop: async () => {
      await lake.close()
      await fixture.cleanup()
    },
  }
}
