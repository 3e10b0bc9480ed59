import { readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { ConfigError, parseServerEnv } from './env'

describe('parseServerEnv', () => {
  it('defaults to the embedded local lake', () => {
    const env = parseServerEnv({})
    expect(env.source).toEqual({
      mode: 'embedded',
      projectId: 'local',
      dataset: 'production',
      apiHost: 'http://127.0.0.1:3030',
      imageBaseUrl: 'http://127.0.0.1:3030',
    })
  })

  it('follows LOCAL_LAKE_PORT and LOCAL_LAKE_URL', () => {
    expect(parseServerEnv({ LOCAL_LAKE_PORT: '4100' }).source.apiHost).toBe('http://127.0.0.1:4100')
    expect(parseServerEnv({ LOCAL_LAKE_URL: 'http://127.0.0.1:5000/' }).source.apiHost).toBe('http://127.0.0.1:5000')
  })

  it('switches to hosted mode when a project id is set', () => {
    const env = parseServerEnv({ SANITY_PROJECT_ID: 'abc123', SANITY_DATASET: 'staging' })
    expect(env.source).toMatchObject({ mode: 'hosted', projectId: 'abc123', dataset: 'staging', imageBaseUrl: 'https://cdn.sanity.io' })
  })

  it.each([
    [{ SANITY_PROJECT_ID: 'Not Valid!' }, 'SANITY_PROJECT_ID'],
    [{ SANITY_DATASET: 'has spaces' }, 'SANITY_DATASET'],
    [{ LOCAL_LAKE_PORT: '99999' }, 'LOCAL_LAKE_PORT'],
    [{ SITE_URL: 'not a url' }, 'SITE_URL'],
    [{ SITE_URL: 'ftp://example.com' }, 'SITE_URL'],
    [{ SANITY_API_VERSION: 'yesterday' }, 'SANITY_API_VERSION'],
  ])('names the variable in the error for %j', (env, variable) => {
    expect(() => parseServerEnv(env)).toThrow(ConfigError)
    expect(() => parseServerEnv(env)).toThrow(variable)
  })
})

describe('the variables this module reads reach the site through Turborepo', () => {
  // Turborepo 2 runs tasks in strict environment mode: a variable no task declares is removed
  // before `next dev` or `next build` starts. `npm run dev` once ran the site against port 3030
  // with LOCAL_LAKE_PORT set elsewhere, and without the webhook and preview secrets.
  const source = readFileSync(path.join(__dirname, 'env.ts'), 'utf8')
  const names = [...new Set([...source.matchAll(/read\w*\((?:process\.)?env, '([A-Z0-9_]+)'/gu)].map((match) => match[1] ?? ''))]
  const turbo = JSON.parse(readFileSync(path.resolve(__dirname, '../../../turbo.json'), 'utf8')) as {
    globalEnv?: string[]
    globalPassThroughEnv?: string[]
    tasks: Record<string, { env?: string[]; passThroughEnv?: string[] }>
  }
  const covers = (patterns: string[], name: string) =>
    patterns.some((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern))

  it('finds the variables', () => {
    expect(names).toEqual(expect.arrayContaining(['SANITY_PROJECT_ID', 'LOCAL_LAKE_PORT', 'SANITY_REVALIDATE_SECRET', 'SITE_URL']))
  })

  it.each(['dev', '@journal/web#build'])('task %s receives every one of them', (task) => {
    const declared = [
      ...(turbo.globalEnv ?? []),
      ...(turbo.globalPassThroughEnv ?? []),
      ...(turbo.tasks[task]?.env ?? []),
      ...(turbo.tasks[task]?.passThroughEnv ?? []),
    ]
    expect(names.filter((name) => !covers(declared, name))).toEqual([])
  })
})
