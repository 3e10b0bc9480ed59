/**
 * Documents are edited as drafts (`drafts.<id>`) or release versions (`versions.<release>.<id>`)
 * while references always point at the published id, so ids are compared in published form.
 */
export function publishedIdOf(id: string): string {
  if (id.startsWith('drafts.')) return id.slice('drafts.'.length)
  if (id.startsWith('versions.')) return id.split('.').slice(2).join('.')
  return id
}

function refOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('_ref' in value)) return undefined
  return typeof value._ref === 'string' ? value._ref : undefined
}

/**
 * Rejects a reference, or an array of references, that points back at the document being edited.
 * Takes `unknown` because rules receive whatever the document holds.
 */
export function validateNotSelfReference(value: unknown, documentId: string | undefined): true | string {
  if (value === undefined || documentId === undefined) return true
  const ownId = publishedIdOf(documentId)
  const references: unknown[] = Array.isArray(value) ? value : [value]
  const pointsAtItself = references.some((reference) => refOf(reference) === ownId)
  return pointsAtItself ? 'An article cannot refer to itself' : true
}

/**
 * A reviewer checks someone else's work: `reviewedBy` may not be the post's own author. Takes the
 * document as the rule receives it (any shape).
 */
export function validateReviewerIsNotAuthor(reviewer: unknown, document: unknown): true | string {
  const reviewerId = refOf(reviewer)
  const author = typeof document === 'object' && document !== null && 'author' in document ? refOf(document.author) : undefined
  return reviewerId !== undefined && reviewerId === author ? 'The reviewer must be someone other than the author' : true
}
