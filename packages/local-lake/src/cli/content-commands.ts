import { readFile } from 'node:fs/promises'
import type { SanityClient } from '@sanity/client'
import { draftId, isDraftId, publishedId } from '../store/ids.js'
import { stringFlag, type ParsedArgs } from './args.js'
import { userPath } from './paths.js'
import { withSlugHistory } from './slug-history.js'

/** A mistake in how a command was called, or a state that makes it impossible; exit code 1. */
export class CommandError extends Error {
  override name = 'CommandError'
}

export interface CommandIo {
  env: NodeJS.ProcessEnv
  out: (line: string) => void
  readStdin: () => Promise<string>
}

type Command = (client: SanityClient, args: ParsedArgs, io: CommandIo) => Promise<void>

const json = (value: unknown): string => JSON.stringify(value, null, 2)

function onlyArgument(args: ParsedArgs, usage: string): string {
  const [value, ...extra] = args.positionals
  if (value === undefined || extra.length > 0) throw new CommandError(`usage: ${usage}`)
  return value
}

function parseJsonFlag(args: ParsedArgs, name: string): Record<string, unknown> | undefined {
  const raw = stringFlag(args, name)
  if (raw === undefined) return undefined
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch (error) {
    throw new CommandError(`--${name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CommandError(`--${name} must be a JSON object`)
  return value as Record<string, unknown>
}

/** Drops the fields the lake owns, so a fetched document can be written back under another id. */
function content(document: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...document }
  delete rest._rev
  delete rest._updatedAt
  delete rest._originalId
  return rest
}

const get: Command = async (client, args, io) => {
  const id = onlyArgument(args, 'get <id>')
  const document = await client.getDocument(id)
  if (!document) throw new CommandError(`document "${id}" not found${isDraftId(id) ? ' (reading drafts needs a token)' : ''}`)
  io.out(json(document))
}

const query: Command = async (client, args, io) => {
  const groq = onlyArgument(args, "query '<groq>' [--params '{...}'] [--perspective published|drafts|raw]")
  const perspective = stringFlag(args, 'perspective') ?? 'published'
  if (!['published', 'drafts', 'raw'].includes(perspective)) throw new CommandError(`unknown perspective "${perspective}"`)
  const result: unknown = await client.fetch(groq, parseJsonFlag(args, 'params') ?? {}, {
    perspective: perspective as 'published' | 'drafts' | 'raw',
  })
  io.out(json(result))
}

const create: Command = async (client, args, io) => {
  const source = onlyArgument(args, 'create <file.json|-> [--replace | --missing]')
  const text =
    source === '-'
      ? await io.readStdin()
      : await readFile(userPath(source, io.env), 'utf8').catch((error: unknown) => {
          throw new CommandError(`cannot read ${source}: ${error instanceof Error ? error.message : String(error)}`)
        })
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new CommandError(`${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const documents = Array.isArray(parsed) ? parsed : [parsed]
  if (
    documents.length === 0 ||
    documents.some((document) => typeof document !== 'object' || document === null || Array.isArray(document))
  ) {
    throw new CommandError(`${source} must hold a document (a JSON object) or an array of documents`)
  }
  const mode = args.flags.has('replace') ? 'createOrReplace' : args.flags.has('missing') ? 'createIfNotExists' : 'create'
  let transaction = client.transaction()
  for (const document of documents as Record<string, unknown>[]) {
    if (typeof document._type !== 'string') throw new CommandError('every document needs a _type')
    if (mode !== 'create' && typeof document._id !== 'string')
      throw new CommandError(`--${mode === 'createOrReplace' ? 'replace' : 'missing'} needs an _id on every document`)
    const body = { ...document, _type: document._type }
    transaction =
      mode === 'create'
        ? transaction.create(body)
        : mode === 'createOrReplace'
          ? transaction.createOrReplace({ ...body, _id: String(document._id) })
          : transaction.createIfNotExists({ ...body, _id: String(document._id) })
  }
  const result = await transaction.commit({ visibility: 'sync' })
  for (const { id, operation } of result.results) io.out(`${operation === 'none' ? 'exists' : `${operation}d`} ${id}`)
}

const patch: Command = async (client, args, io) => {
  const id = onlyArgument(args, 'patch <id> --set \'{"title":"x"}\' [--unset a,b] [--if-revision <rev>]')
  const set = parseJsonFlag(args, 'set')
  const unset = stringFlag(args, 'unset')
    ?.split(',')
    .map((path) => path.trim())
    .filter((path) => path !== '')
  if (!set && !unset?.length) throw new CommandError('patch needs --set and/or --unset')
  let operation = client.patch(id)
  if (set) operation = operation.set(set)
  if (unset?.length) operation = operation.unset(unset)
  const revision = stringFlag(args, 'if-revision')
  if (revision) operation = operation.ifRevisionId(revision)
  const document = await operation.commit()
  io.out(`updated ${id} (revision ${document._rev})`)
}

const publish: Command = async (client, args, io) => {
  const id = publishedId(onlyArgument(args, 'publish <id>'))
  const draft = await client.getDocument(draftId(id))
  if (!draft) throw new CommandError(`nothing to publish: ${draftId(id)} does not exist`)
  // What Studio's publish does: the draft's content becomes the published document, the draft goes;
  // a post whose slug changes keeps the old one in previousSlugs, so links to it redirect.
  const published = await client.getDocument(id)
  await client
    .transaction()
    .createOrReplace({ ...withSlugHistory(content(draft), published), _id: id, _type: draft._type })
    .delete(draftId(id))
    .commit({ visibility: 'sync' })
  io.out(`published ${id}`)
}

const unpublish: Command = async (client, args, io) => {
  const id = publishedId(onlyArgument(args, 'unpublish <id>'))
  const published = await client.getDocument(id)
  if (!published) throw new CommandError(`nothing to unpublish: ${id} is not published`)
  // What Studio's unpublish does: keep the content as a draft (unless one exists), remove the published document.
  await client
    .transaction()
    .createIfNotExists({ ...content(published), _id: draftId(id), _type: published._type })
    .delete(id)
    .commit({ visibility: 'sync' })
  io.out(`unpublished ${id} (its content is kept in ${draftId(id)})`)
}

const remove: Command = async (client, args, io) => {
  const given = onlyArgument(args, 'delete <id>')
  // Like Studio's delete: a published id takes its draft with it; a draft id removes only the draft.
  const ids = isDraftId(given) ? [given] : [given, draftId(given)]
  let transaction = client.transaction()
  for (const id of ids) transaction = transaction.delete(id)
  const result = await transaction.commit({ visibility: 'sync' })
  if (result.results.length === 0) throw new CommandError(`nothing to delete: ${given} does not exist`)
  for (const { id } of result.results) io.out(`deleted ${id}`)
}

export const CONTENT_COMMANDS: Record<string, Command> = {
  get,
  query,
  create,
  patch,
  publish,
  unpublish,
  delete: remove,
}
