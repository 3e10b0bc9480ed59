import { isPathId, publishedId, versionPrefix } from './ids.js'
import type { LakeDocument } from '../types.js'

/**
 * What a query sees. `published`: documents without a path in their id. `raw`: everything.
 * A stack (`drafts`, or release names with `drafts` and published implied last) shows, for each
 * published id, the first of its versions that exists, under the published id, with the real id
 * in `_originalId`, the way Sanity's drafts perspective and perspective stacks do.
 */
export type Perspective = { kind: 'published' } | { kind: 'raw' } | { kind: 'stack'; prefixes: string[] }

export class PerspectiveError extends Error {
  override name = 'PerspectiveError'
}

export function parsePerspective(value: string | undefined): Perspective {
  if (value === undefined || value === '' || value === 'published') return { kind: 'published' }
  if (value === 'raw') return { kind: 'raw' }
  const names = value.split(',').map((name) => name.trim())
  if (names.some((name) => name === '' || name === 'raw' || !/^[A-Za-z0-9_-]+$/.test(name))) {
    throw new PerspectiveError(`invalid perspective "${value}"`)
  }
  const prefixes = names
    .filter((name) => name !== 'published')
    .map((name) => (name === 'drafts' || name === 'previewDrafts' ? 'drafts.' : versionPrefix(name)))
  return prefixes.length === 0 ? { kind: 'published' } : { kind: 'stack', prefixes }
}

export function perspectiveNeedsToken(perspective: Perspective): boolean {
  return perspective.kind !== 'published'
}

export function perspectiveKey(perspective: Perspective): string {
  return perspective.kind === 'stack' ? `stack:${perspective.prefixes.join(',')}` : perspective.kind
}

export function documentsInPerspective(all: Iterable<LakeDocument>, perspective: Perspective): LakeDocument[] {
  if (perspective.kind === 'raw') return [...all]
  if (perspective.kind === 'published') return [...all].filter((document) => !isPathId(document._id))
  return overlay(all, perspective.prefixes)
}

function overlay(all: Iterable<LakeDocument>, prefixes: string[]): LakeDocument[] {
  // For each published id: the chosen document and its rank (0 is the top of the stack).
  const chosen = new Map<string, { document: LakeDocument; rank: number }>()
  for (const document of all) {
    const rank = rankIn(document._id, prefixes)
    if (rank === undefined) continue
    const id = publishedId(document._id)
    const current = chosen.get(id)
    if (!current) chosen.set(id, { document, rank })
    else if (rank < current.rank) chosen.set(id, { document, rank })
  }
  return [...chosen.entries()].map(([id, { document }]) => ({ ...document, _id: id, _originalId: document._id }))
}

function rankIn(id: string, prefixes: string[]): number | undefined {
  if (!isPathId(id)) return prefixes.length
  const index = prefixes.findIndex((prefix) => id.startsWith(prefix))
  if (index === -1) return undefined
  return isPathId(id.slice(prefixes[index]?.length ?? 0)) ? undefined : index
}
