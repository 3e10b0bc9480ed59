import * as content from '@journal/content'
import { describe, expect, it } from 'vitest'
import { parsePerspective } from '../store/perspectives.js'
import { DocumentStore } from '../store/store.js'
import { awkwardDataset } from '../test-support/awkward-dataset.js'
import { unplanned } from '../test-support/unplanned.js'
import { parseQuery, runQuery } from './evaluate.js'
import { planQuery } from './plan.js'

/*
 * Every query the site runs (each *_QUERY export of @journal/content, so new ones are covered
 * as they are added), planned, against groq-js evaluating it alone, over awkward data in the
 * published and drafts perspectives.
 */

const siteQueries: Array<[string, string]> = Object.entries(content as Record<string, unknown>).flatMap(([name, value]) =>
  name.endsWith('_QUERY') && typeof value === 'string' ? [[name, value] as [string, string]] : [],
)

// Values for each parameter the queries use, cycled through so each query runs several ways.
const VALUES: Record<string, unknown[]> = {
  slug: ['post-3', 'post-new', 'old-7', 'shared-old', 'cat-b', 'author-y', 'nope', 'post-40'],
  start: [0, 12, 600],
  end: [12, 24, 612],
  limit: [1, 20, 50],
  // Everything listed, and two moments that leave some of the awkward dataset's posts scheduled.
  listedUntil: ['9999-12-31T23:59:59.999Z', '2025-01-01T00:00:00Z', '2024-06-01T00:00:00Z'],
}
const paramsFor = (query: string, variant: number): Record<string, unknown> => {
  const names = [...new Set([...query.matchAll(/\$(\w+)/g)].map((match) => match[1] as string))]
  return Object.fromEntries(
    names.map((name) => {
      if (name.endsWith('Start')) return [name, [0, 5, 50_000][variant % 3]]
      if (name.endsWith('End')) return [name, [50_000, 100, 50_000][variant % 3]]
      const values = VALUES[name]
      if (!values) throw new Error(`no test values for $${name}: add some to VALUES`)
      return [name, values[variant % values.length]]
    }),
  )
}

describe("the site's queries", () => {
  const store = new DocumentStore(awkwardDataset(160))

  it('are all found', () => {
    expect(siteQueries.map(([name]) => name)).toContain('POST_PAGE_QUERY')
    expect(siteQueries.length).toBeGreaterThanOrEqual(10)
  })

  it('are planned: every subquery over the dataset uses an index', () => {
    for (const [name, query] of siteQueries) {
      const planned = planQuery(parseQuery(query, paramsFor(query, 0)))
      const filters = (query.match(/\*\[/g) ?? []).length
      expect(planned.plans.size + planned.memos.size, name).toBeGreaterThanOrEqual(filters)
    }
  })

  for (const perspective of ['published', 'drafts']) {
    it(`give the same results as groq-js alone (${perspective})`, async () => {
      const view = store.view(parsePerspective(perspective))
      for (const [name, query] of siteQueries) {
        for (let variant = 0; variant < 8; variant++) {
          const params = paramsFor(query, variant)
          const planned = await runQuery({ query, params, view, projectId: 'p', dataset: 'd' })
          expect(planned, `${name} ${JSON.stringify(params)}`).toEqual(await unplanned(query, params, view))
        }
      }
    }, 120_000)
  }
})
