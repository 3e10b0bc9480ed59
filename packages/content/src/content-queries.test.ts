import { parse as parseGroq } from 'groq-js'
import { describe, expect, it } from 'vitest'

import { CONTENT_QUERIES, type ContentQuery } from './content-queries.js'
import { parseSettings } from './parse/settings.js'
import { sitemapSlice } from './parse/sitemap.js'

/** One input that every definition can take: each reads the fields it needs. */
const INPUT = {
  slug: 'a-post',
  page: 2,
  limit: 5,
  ...sitemapSlice({ posts: 30, categories: 4, authors: 3, lastModified: null }, 0),
}

/** The `$name` parameters a GROQ query refers to. */
function referencedParams(query: string): string[] {
  return [...new Set([...query.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1] ?? ''))].sort()
}

const definitions = CONTENT_QUERIES as readonly ContentQuery<unknown, unknown>[]

describe('the content query definitions', () => {
  it('are named apart, so logs and benchmarks can tell them apart', () => {
    const names = definitions.map((definition) => definition.name)
    expect(new Set(names).size).toBe(names.length)
  })

  it.each(definitions.map((definition) => [definition.name, definition] as const))(
    '%s: the GROQ parses and its parameters are exactly the ones the query refers to',
    (_name, definition) => {
      // The loader adds $listedUntil to the queries that list posts.
      const params = { ...definition.params(INPUT), ...(definition.listed ? { listedUntil: '2026-12-06T00:00:00Z' } : {}) }
      // groq-js needs slice bounds as parameters to parse.
      expect(() => parseGroq(definition.query, { params })).not.toThrow()
      const given = Object.keys(params)
      expect(given.sort()).toEqual(referencedParams(definition.query))
    },
  )

  it.each(definitions.map((definition) => [definition.name, definition] as const))(
    '%s: has cache tags, and a result of the wrong shape parses without throwing',
    (_name, definition) => {
      expect(definition.tags(INPUT).length).toBeGreaterThan(0)
      const context = { settings: parseSettings(null), onIssue: () => undefined }
      for (const raw of [null, undefined, 'garbage', 42, [], {}, { post: 'x', posts: {} }]) {
        expect(() => definition.parse(raw, context, INPUT)).not.toThrow()
      }
    },
  )
})
