/*
 * Sanity's Actions API (`POST /data/actions/<dataset>`), the way Studio 5 writes: each action is
 * turned into mutations on the transaction's working documents, so actions share the mutate
 * endpoint's rules (atomicity, references, revisions, listener echo, webhooks). Semantics follow
 * Sanity's HTTP reference for actions and the action types of @sanity/client.
 */
import type { JsonObject, LakeDocument } from '../types.js'
import { publishedId as publishedIdOf } from './ids.js'
import { MutationError, type TransactionBuilder } from './transaction.js'

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const DRAFT_OR_VERSION = /^(drafts\.|versions\.[A-Za-z0-9_-]+\.)/

/** 400 for an action the client wrote wrong; 409 for one the documents' state refuses. */
function refuse(status: 400 | 404 | 409, index: number, type: string, description: string): never {
  throw new MutationError(status, [{ error: { type, description }, index }], description, 'actionError')
}

function stringField(action: JsonObject, field: string, index: number): string {
  const value = action[field]
  if (typeof value !== 'string' || value === '')
    refuse(400, index, 'validationError', `${String(action.actionType)}: "${field}" must be a non-empty string`)
  return value
}

/** A draft or version id of `publishedId`: `drafts.<id>` or `versions.<release>.<id>`. */
function versionIdOf(action: JsonObject, field: string, publishedId: string, index: number): string {
  const id = stringField(action, field, index)
  if (!DRAFT_OR_VERSION.test(id) || publishedIdOf(id) !== publishedId) {
    refuse(
      400,
      index,
      'validationError',
      `${String(action.actionType)}: "${field}" must be "drafts.${publishedId}" or "versions.<release>.${publishedId}", got "${id}"`,
    )
  }
  return id
}

function checkPublishedId(id: string, index: number, actionType: string): string {
  if (id.includes('.')) refuse(400, index, 'validationError', `${actionType}: "publishedId" must not contain a dot, got "${id}"`)
  return id
}

/** Content of a document without its system fields, under another id. */
function copyAs(document: LakeDocument, id: string): JsonObject {
  const { _rev: _revision, _updatedAt: _updated, _originalId: _original, ...content } = document
  return { ...content, _id: id }
}

/**
 * References written with `_strengthenOnPublish` (Studio marks references to documents that are
 * themselves not yet published) become strong when published, as Sanity's publish does.
 */
export function strengthenOnPublish(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strengthenOnPublish)
  if (!isRecord(value)) return value
  const out: JsonObject = {}
  const strengthen = isRecord(value._strengthenOnPublish) ? value._strengthenOnPublish : undefined
  for (const [key, field] of Object.entries(value)) {
    if (key === '_strengthenOnPublish') continue
    if (key === '_weak' && strengthen) {
      if (strengthen.weak === true) out._weak = true
      continue
    }
    out[key] = strengthenOnPublish(field)
  }
  return out
}

function guardRevision(builder: TransactionBuilder, action: JsonObject, field: string, id: string, index: number): void {
  const expected = action[field]
  if (expected === undefined) return
  if (typeof expected !== 'string') refuse(400, index, 'validationError', `${String(action.actionType)}: "${field}" must be a string`)
  const actual = builder.current(id)?._rev
  if (actual !== expected) {
    refuse(
      409,
      index,
      'documentRevisionIDDoesNotMatchError',
      `Document "${id}" has unexpected revision ID ("${String(actual)}"), expected "${expected}"`,
    )
  }
}

/**
 * An action's `attributes`: a document with a _type, written to its `_id` (a draft or version of
 * `publishedId`) or, without one, to the draft.
 */
function versionAttributes(
  action: JsonObject,
  index: number,
  actionType: string,
  publishedId: string,
): { attributes: JsonObject; id: string } {
  const attributes = action.attributes
  if (!isRecord(attributes) || typeof attributes._type !== 'string') {
    refuse(400, index, 'validationError', `${actionType}: "attributes" must be a document with a _type`)
  }
  const id = attributes._id === undefined ? `drafts.${publishedId}` : versionIdOf(attributes, '_id', publishedId, index)
  return { attributes, id }
}

async function applyAction(builder: TransactionBuilder, action: unknown, index: number): Promise<void> {
  if (!isRecord(action)) refuse(400, index, 'validationError', 'each action must be an object')
  const actionType = action.actionType
  if (typeof actionType !== 'string') refuse(400, index, 'validationError', 'each action needs an "actionType"')
  const run = (mutation: JsonObject): Promise<void> => builder.apply(mutation, index)

  switch (actionType) {
    case 'sanity.action.document.create': {
      const publishedId = checkPublishedId(stringField(action, 'publishedId', index), index, actionType)
      const { attributes, id } = versionAttributes(action, index, actionType, publishedId)
      const ifExists = action.ifExists ?? 'fail'
      if (ifExists !== 'fail' && ifExists !== 'ignore')
        refuse(400, index, 'validationError', `${actionType}: "ifExists" must be "fail" or "ignore"`)
      if (builder.current(id)) {
        if (ifExists === 'ignore') return
        refuse(409, index, 'documentAlreadyExistsError', `Document by ID "${id}" already exists`)
      }
      if (id.startsWith('drafts.') && builder.current(publishedId)) {
        refuse(
          409,
          index,
          'documentAlreadyExistsError',
          `Cannot create draft "${id}": there is already a published document with ID "${publishedId}"`,
        )
      }
      return run({ create: { ...attributes, _id: id } })
    }

    case 'sanity.action.document.edit': {
      const publishedId = checkPublishedId(stringField(action, 'publishedId', index), index, actionType)
      const draftId = versionIdOf(action, 'draftId', publishedId, index)
      if (!isRecord(action.patch)) refuse(400, index, 'validationError', `${actionType}: "patch" must be an object`)
      if (!builder.current(draftId)) {
        const published = builder.current(publishedId)
        // A draft is made from the published document on the first edit; a release version must exist already.
        if (!published || !draftId.startsWith('drafts.')) {
          refuse(
            409,
            index,
            'documentNotFoundError',
            `Cannot edit "${draftId}": it does not exist${draftId.startsWith('drafts.') ? ' and there is no published document to draft from' : ''}`,
          )
        }
        await run({ createIfNotExists: copyAs(published, draftId) })
      }
      const { id: _id, query: _query, params: _params, ...patch } = action.patch
      return run({ patch: { ...patch, id: draftId } })
    }

    case 'sanity.action.document.publish': {
      const publishedId = checkPublishedId(stringField(action, 'publishedId', index), index, actionType)
      const draftId = versionIdOf(action, 'draftId', publishedId, index)
      const draft = builder.current(draftId)
      if (!draft) refuse(409, index, 'documentNotFoundError', `Cannot publish "${publishedId}": there is no draft "${draftId}"`)
      guardRevision(builder, action, 'ifDraftRevisionId', draftId, index)
      if (action.ifPublishedRevisionId !== undefined && !builder.current(publishedId)) {
        refuse(
          409,
          index,
          'documentRevisionIDDoesNotMatchError',
          `Cannot publish "${publishedId}": it was expected at revision "${String(action.ifPublishedRevisionId)}" but is not published`,
        )
      }
      guardRevision(builder, action, 'ifPublishedRevisionId', publishedId, index)
      await run({ createOrReplace: strengthenOnPublish(copyAs(draft, publishedId)) as JsonObject })
      return run({ delete: { id: draftId } })
    }

    case 'sanity.action.document.unpublish': {
      const publishedId = checkPublishedId(stringField(action, 'publishedId', index), index, actionType)
      const draftId = versionIdOf(action, 'draftId', publishedId, index)
      const published = builder.current(publishedId)
      if (!published) refuse(409, index, 'documentNotFoundError', `Cannot unpublish "${publishedId}": it is not published`)
      if (!builder.current(draftId)) await run({ createIfNotExists: copyAs(published, draftId) })
      return run({ delete: { id: publishedId } })
    }

    case 'sanity.action.document.discard':
    case 'sanity.action.document.version.discard': {
      const field = actionType === 'sanity.action.document.discard' ? 'draftId' : 'versionId'
      const id = stringField(action, field, index)
      if (!DRAFT_OR_VERSION.test(id))
        refuse(400, index, 'validationError', `${actionType}: "${field}" must be a draft or version id, got "${id}"`)
      if (!builder.current(id)) refuse(409, index, 'documentNotFoundError', `Cannot discard "${id}": it does not exist`)
      return run({ delete: { id } })
    }

    case 'sanity.action.document.delete': {
      const publishedId = checkPublishedId(stringField(action, 'publishedId', index), index, actionType)
      const listed = action.includeDrafts ?? []
      if (!Array.isArray(listed) || !listed.every((id) => typeof id === 'string')) {
        refuse(400, index, 'validationError', `${actionType}: "includeDrafts" must be an array of ids`)
      }
      for (const id of listed) {
        if (!DRAFT_OR_VERSION.test(id) || publishedIdOf(id) !== publishedId) {
          refuse(400, index, 'validationError', `${actionType}: "${id}" in "includeDrafts" is not a draft or version of "${publishedId}"`)
        }
      }
      if (!builder.current(publishedId)) refuse(409, index, 'documentNotFoundError', `Cannot delete "${publishedId}": it is not published`)
      const unlisted = builder.idsWhere(
        (id) => id !== publishedId && DRAFT_OR_VERSION.test(id) && publishedIdOf(id) === publishedId && !listed.includes(id),
      )
      if (unlisted.length > 0) {
        refuse(
          409,
          index,
          'validationError',
          `Cannot delete "${publishedId}": its versions ${unlisted.map((id) => `"${id}"`).join(', ')} would be left behind; list them in "includeDrafts"`,
        )
      }
      await run({ delete: { id: publishedId } })
      for (const id of listed) if (builder.current(id)) await run({ delete: { id } })
      return
    }

    case 'sanity.action.document.replaceDraft': {
      const publishedId = checkPublishedId(stringField(action, 'publishedId', index), index, actionType)
      const { attributes, id } = versionAttributes(action, index, actionType, publishedId)
      if (!builder.current(id) && !builder.current(publishedId)) {
        refuse(
          409,
          index,
          'documentNotFoundError',
          `Cannot replace the draft of "${publishedId}": neither a draft nor a published document exists`,
        )
      }
      return run({ createOrReplace: { ...attributes, _id: id } })
    }

    case 'sanity.action.document.version.create': {
      const publishedId = checkPublishedId(stringField(action, 'publishedId', index), index, actionType)
      const versionId = versionIdOf(action, 'versionId', publishedId, index)
      if (builder.current(versionId)) refuse(409, index, 'documentAlreadyExistsError', `Document by ID "${versionId}" already exists`)
      if (isRecord(action.document)) return run({ create: { ...action.document, _id: versionId } })
      const baseId = typeof action.baseId === 'string' ? action.baseId : publishedId
      const base = builder.current(baseId)
      if (!base) refuse(409, index, 'documentNotFoundError', `Cannot create "${versionId}": its base "${baseId}" does not exist`)
      guardRevision(builder, action, 'ifBaseRevisionId', baseId, index)
      return run({ create: copyAs(base, versionId) })
    }

    default:
      refuse(400, index, 'validationError', `The local lake does not support the action type "${actionType}"`)
  }
}

/** Applies a request's actions, in order, to one transaction. */
export async function applyActions(builder: TransactionBuilder, actions: unknown): Promise<void> {
  if (!Array.isArray(actions) || actions.length === 0) {
    throw new MutationError(400, [], 'The request body needs "actions": a non-empty array', 'actionError')
  }
  for (const [index, action] of actions.entries()) await applyAction(builder, action, index)
}
