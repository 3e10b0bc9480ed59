import 'server-only'

import { draftMode } from 'next/headers'
import { createDataAttribute } from 'next-sanity'

import { serverEnv } from './env'

/** A document a part of the page shows. */
export interface EditTarget {
  id: string
  type: string
}

/**
 * The `data-sanity` value for a part of the page: the document and field the Studio's
 * Presentation tool opens when an editor clicks it.
 */
export type EditAttribute = (target: EditTarget, path: string) => string

/**
 * Click-to-edit for draft mode, in both modes: with no Content Source Maps from the local lake
 * (and no stega), overlays find the editable parts by these attributes (createDataAttribute from
 * next-sanity); in hosted mode they work beside stega. Null outside draft mode (or without a
 * Studio), so `edit?.(…)` is undefined and React writes no attribute: public pages carry none.
 */
export async function editAttributes(): Promise<EditAttribute | null> {
  if (!(await draftMode()).isEnabled) return null
  const { source, studioUrl } = serverEnv()
  if (!studioUrl) return null
  return ({ id, type }, path) =>
    createDataAttribute({ projectId: source.projectId, dataset: source.dataset, baseUrl: studioUrl, id, type, path }).toString()
}
