import { evaluate, parse } from 'groq-js'
import type { View } from '../store/store.js'

/** What groq-js alone answers: every `*` scans the whole view. The reference planned queries are checked against. */
export async function unplanned(query: string, params: Record<string, unknown>, view: View): Promise<unknown> {
  const value = await evaluate(parse(query, { params }), {
    dataset: view.documents,
    params,
    sanity: { projectId: 'p', dataset: 'd' },
    dereference: ({ _ref }) => view.byId.get(_ref) ?? null,
  })
  return value.get()
}
