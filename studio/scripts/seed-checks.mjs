// @ts-check
// What a dataset in the seed layout (data.ndjson + images/) must satisfy beyond the schema's own
// rules, which `sanity documents validate` runs (validate-seed.mjs): the file parses, ids are
// unique and well formed, every reference resolves to a document of a type the schema allows there
// (read from schema.json, which `npm run typegen` extracts), array members have unique keys, image
// files exist and are all used, slugs are unique per type, previous slugs do not shadow a post,
// and (for the demo content) the dataset exercises what the demo is for.

import { readFile, readdir, stat } from 'node:fs/promises'
import path from 'node:path'

import { findDuplicateSlugs } from './duplicate-slugs.mjs'

/** @typedef {Record<string, any>} Doc */
/** @typedef {{type: string, name?: string, value?: any, of?: any, attributes?: Record<string, {value: any}>, rest?: any, dereferencesTo?: string}} SchemaNode */

// Arrays of plain values, which Sanity stores without keys.
const PRIMITIVE_ARRAYS = new Set(['sessionLengths', 'previousSlugs', 'marks'])

/**
 * Where references point that the schema does not allow (an author field holding a category),
 * read from the extracted schema. The CLI's validation does not check the target's type.
 *
 * @param {Doc[]} documents
 * @param {Array<{name: string, type: string, value?: SchemaNode, attributes?: SchemaNode['attributes']}>} schema
 * @returns {string[]}
 */
export function referenceTypeProblems(documents, schema) {
  /** @type {Map<string, SchemaNode>} */
  const named = new Map(
    schema.map((entry) => [
      entry.name,
      entry.type === 'document' ? { type: 'object', attributes: entry.attributes } : /** @type {SchemaNode} */ (entry.value),
    ]),
  )
  const typeOfId = new Map(documents.map((document) => [String(document._id).replace(/^drafts\./, ''), document._type]))
  /** @param {SchemaNode | undefined} node @returns {SchemaNode | undefined} */
  const resolve = (node) => (node?.type === 'inline' && node.name ? resolve(named.get(node.name)) : node)
  /** @param {SchemaNode | undefined} node @returns {string | undefined} */
  const targetOf = (node) => {
    const resolved = resolve(node)
    return resolved?.dereferencesTo ?? (resolved?.rest ? targetOf(resolved.rest) : undefined)
  }
  /** @param {SchemaNode | undefined} node @returns {string | undefined} */
  const literalType = (node) => {
    const resolved = resolve(node)
    if (resolved?.type !== 'object') return undefined
    const type = resolved.attributes?._type?.value
    if (type?.type === 'string' && typeof type.value === 'string') return type.value
    return resolved.rest ? literalType(resolved.rest) : undefined
  }
  /** @type {string[]} */
  const problems = []
  /** @param {any} value @param {string[]} allowed @param {string} where */
  const checkTarget = (value, allowed, where) => {
    const actual = typeOfId.get(String(value._ref))
    if (actual !== undefined && !allowed.includes(actual))
      problems.push(`${where}: references a ${actual}, the schema allows ${allowed.join(' or ')}`)
  }
  /** @param {any} value @param {SchemaNode | undefined} node @param {string} where */
  const visit = (value, node, where) => {
    if (value === null || value === undefined || !node) return
    const target = targetOf(node)
    if (target !== undefined) {
      if (typeof value === 'object' && '_ref' in value) checkTarget(value, [target], where)
      return
    }
    const resolved = resolve(node)
    if (!resolved) return
    if (resolved.type === 'union') {
      const members = /** @type {SchemaNode[]} */ (resolved.of ?? [])
      if (typeof value === 'object' && '_ref' in value) {
        const allowed = members.map(targetOf).filter((type) => type !== undefined)
        if (allowed.length > 0) checkTarget(value, /** @type {string[]} */ (allowed), where)
        return
      }
      const member = members.find((candidate) => literalType(candidate) === value?._type)
      visit(value, member, where)
    } else if (resolved.type === 'array' && Array.isArray(value)) {
      value.forEach((item, index) => visit(item, resolved.of, `${where}[${index}]`))
    } else if (resolved.type === 'object' && typeof value === 'object') {
      for (const [key, attribute] of Object.entries(resolved.attributes ?? {})) visit(value[key], attribute.value, `${where}.${key}`)
      if (resolved.rest) visit(value, resolved.rest, where)
    }
  }
  for (const document of documents) visit(document, named.get(document._type), String(document._id))
  return problems
}

/**
 * Checks the dataset folder `dir`. Returns the problems found (empty when it passes) and a short
 * report: counts, drafts, image bytes and the posts. `demo` adds the checks of what the demo
 * content is for (the flagship post's features, an expired offer…), which a generated dataset
 * built from it also passes.
 *
 * @param {string} dir
 * @param {{schema: any[], demo?: boolean, now?: Date}} options
 * @returns {Promise<{problems: string[], documents: Doc[], report: string[]}>}
 */
export async function checkSeed(dir, { schema, demo = true, now = new Date('2026-11-25T00:00:00Z') }) {
  /** @type {string[]} */
  const problems = []
  /** @param {string} where @param {string} message */
  const fail = (where, message) => problems.push(`${where}: ${message}`)
  const imagesDir = path.join(dir, 'images')

  const lines = (await readFile(path.join(dir, 'data.ndjson'), 'utf8')).split('\n')
  if (lines.at(-1) !== '') fail('data.ndjson', 'does not end with a newline')
  /** @type {Doc[]} */
  const documents = []
  lines.slice(0, -1).forEach((line, index) => {
    try {
      documents.push(JSON.parse(line))
    } catch (error) {
      fail(`line ${index + 1}`, `does not parse: ${error instanceof Error ? error.message : String(error)}`)
    }
  })

  /** @type {Map<string, Doc>} */
  const byId = new Map()
  for (const doc of documents) {
    for (const field of ['_id', '_type', '_createdAt', '_updatedAt', '_rev']) {
      if (typeof doc[field] !== 'string' || doc[field] === '') fail(doc._id ?? '?', `missing ${field}`)
    }
    if (byId.has(doc._id)) fail(doc._id, 'duplicate _id')
    byId.set(doc._id, doc)
    if (
      String(doc._id)
        .replace(/^drafts\./, '')
        .includes('.')
    )
      fail(doc._id, 'published part of the id contains a dot')
    if (!(Date.parse(doc._createdAt) <= Date.parse(doc._updatedAt))) fail(doc._id, '_createdAt is after _updatedAt')
    if (Date.parse(doc._updatedAt) > now.getTime()) fail(doc._id, '_updatedAt is in the future')
    if (doc._type === 'post' && !String(doc._id).startsWith('drafts.') && Date.parse(doc.publishedAt) > now.getTime()) {
      fail(doc._id, 'publishedAt is in the future of the dataset')
    }
  }

  // References resolve (to published ids), keys are unique, assets exist.
  const usedImages = new Set()
  /** @param {any} value @param {string} where @param {string} field */
  const walk = async (value, where, field) => {
    if (Array.isArray(value)) {
      const keys = new Set()
      for (const [index, item] of value.entries()) {
        if (item === null || typeof item !== 'object') {
          if (!PRIMITIVE_ARRAYS.has(field)) fail(where, `primitive member in array ${field}`)
          continue
        }
        if (typeof item._key !== 'string' || item._key === '') fail(where, `${field}[${index}] has no _key`)
        else if (keys.has(item._key)) fail(where, `duplicate _key ${item._key} in ${field}`)
        keys.add(item._key)
        await walk(item, `${where}[${index}]`, field)
      }
      return
    }
    if (value === null || typeof value !== 'object') return
    if ('_ref' in value) {
      if (value._type !== 'reference') fail(where, 'reference without _type "reference"')
      if (String(value._ref).startsWith('drafts.')) fail(where, `reference to a draft id ${value._ref}`)
      if (!byId.has(value._ref)) fail(where, `broken reference to ${value._ref}`)
    }
    if ('_sanityAsset' in value) {
      const match = /^image@file:\/\/\.\/images\/([^/]+)$/.exec(value._sanityAsset)
      if (!match) fail(where, `malformed _sanityAsset ${value._sanityAsset}`)
      else {
        usedImages.add(match[1])
        await stat(path.join(imagesDir, String(match[1]))).catch(() => fail(where, `missing image file ${match[1]}`))
      }
    }
    for (const [key, child] of Object.entries(value)) await walk(child, `${where}.${key}`, key)
  }
  for (const doc of documents) await walk(doc, doc._id, '')
  problems.push(...referenceTypeProblems(documents, schema))

  for (const { type, slug, documentIds } of findDuplicateSlugs(documents)) {
    fail(documentIds.join(', '), `${type} slug "${slug}" is used by more than one document`)
  }
  const published = documents.filter((doc) => !String(doc._id).startsWith('drafts.'))
  const drafts = documents.filter((doc) => String(doc._id).startsWith('drafts.'))
  const posts = published.filter((doc) => doc._type === 'post')
  const currentPostSlugs = new Set(posts.map((post) => post.slug?.current))
  for (const doc of published) {
    for (const old of doc.previousSlugs ?? [])
      if (currentPostSlugs.has(old)) fail(doc._id, `previous slug ${old} is another post's current slug`)
  }

  const files = await readdir(imagesDir)
  let imageBytes = 0
  for (const file of files) {
    imageBytes += (await stat(path.join(imagesDir, file))).size
    if (!usedImages.has(file)) fail(`images/${file}`, 'not referenced by any document')
  }

  if (demo) problems.push(...demoProblems({ published, drafts, byId, now }))

  /** @param {Doc[]} list */
  const countBy = (list) => list.reduce((counts, doc) => ({ ...counts, [doc._type]: (counts[doc._type] ?? 0) + 1 }), {})
  const report = [
    `Published documents by type: ${JSON.stringify(countBy(published))}`,
    `Drafts: ${drafts.map((d) => `${d._id}${byId.has(d._id.replace(/^drafts\./, '')) ? ' (edits a published post)' : ' (never published)'}`).join(', ')}`,
    `Images: ${files.length} files, ${(imageBytes / 1024).toFixed(1)} KB`,
  ]
  return { problems, documents, report }
}

/** @param {any} offer @param {Date} at */
const offerIsLive = (offer, at) =>
  (!offer.startsAt || Date.parse(offer.startsAt) <= at.getTime()) && (!offer.endsAt || at.getTime() <= Date.parse(offer.endsAt))

/** @param {Doc[]} blocks */
const plainText = (blocks) =>
  blocks
    .filter((block) => block._type === 'block')
    .map((block) => block.children.map((/** @type {Doc} */ child) => child.text).join(''))
    .join('\n')

/**
 * What the demo content must show so that every feature has something to show it with.
 * @param {{published: Doc[], drafts: Doc[], byId: Map<string, Doc>, now: Date}} dataset
 */
function demoProblems({ published, drafts, byId, now }) {
  /** @type {string[]} */
  const problems = []
  /** @param {unknown} condition @param {string} message */
  const need = (condition, message) => condition || problems.push(`dataset: ${message}`)
  const posts = published.filter((doc) => doc._type === 'post')
  need(posts.length >= 14, `only ${posts.length} published posts`)
  need(new Set(posts.flatMap((p) => p.categories.map((/** @type {Doc} */ c) => c._ref))).size >= 4, 'posts span fewer than 4 categories')
  need(
    new Set(posts.map((p) => p.author._ref)).size === published.filter((d) => d._type === 'author').length,
    'not every author has a post',
  )
  need(
    posts.every((p) => p.publishedAt >= '2024-01-01' && p.publishedAt < '2026-12-01'),
    'publishedAt outside 2024-01..2026-11',
  )
  const settings = byId.get('siteSettings')
  const defaultCta = settings && byId.get(settings.defaultCta?._ref)
  need(defaultCta?.offer && offerIsLive(defaultCta.offer, now), 'default CTA offer is not live')
  const expiredCtas = new Set(published.filter((d) => d._type === 'cta' && d.offer && !offerIsLive(d.offer, now)).map((d) => d._id))
  need(expiredCtas.size > 0, 'no CTA with an expired offer')
  need(
    posts.some((p) => expiredCtas.has(p.cta?._ref)),
    'no post uses an expired-offer CTA',
  )
  need(
    posts.some((p) => !p.cta),
    'no post falls back to the default CTA',
  )
  need(
    posts.some((p) => p.relatedPosts?.length) && posts.some((p) => !p.relatedPosts?.length),
    'need posts with and without manual relatedPosts',
  )
  need(
    drafts.some((d) => !byId.has(d._id.replace(/^drafts\./, ''))),
    'no draft-only post',
  )
  need(
    drafts.some((d) => byId.has(d._id.replace(/^drafts\./, ''))),
    'no draft of a published post',
  )
  need(byId.get('treatment-total-back')?.name === 'Total Back, Glutes & Hamstrings Relief', 'Total Back treatment missing')

  const flagship = byId.get('post-what-happens-during-robotic-massage')
  if (!flagship) return [...problems, 'dataset: flagship post missing']
  /** @type {Doc[]} */
  const body = flagship.body
  const blocks = body.filter((b) => b._type === 'block')
  const styles = new Set(blocks.map((b) => b.style))
  /** @type {Doc[]} */
  const defs = blocks.flatMap((b) => b.markDefs)
  const marks = new Set(blocks.flatMap((b) => b.children.flatMap((/** @type {Doc} */ c) => c.marks)))
  const text = plainText(body)
  /** @param {string} id */
  const linkTo = (id) => defs.some((d) => d._type === 'internalLink' && d.reference._ref === id)
  /** @param {string} id */
  const linkedLabel = (id) =>
    blocks
      .flatMap((b) =>
        b.children.filter((/** @type {Doc} */ c) =>
          c.marks.some((/** @type {string} */ m) => b.markDefs.find((/** @type {Doc} */ d) => d._key === m)?.reference?._ref === id),
        ),
      )
      .map((c) => c.text)
      .join('')
  const checks = {
    'h2 ≥ 3': blocks.filter((b) => b.style === 'h2').length >= 3,
    h3: styles.has('h3'),
    h4: styles.has('h4'),
    blockquote: styles.has('blockquote'),
    'curly-quoted h2 question': blocks.some(
      (b) => b.style === 'h2' && /^“.*\?”$/.test(b.children.map((/** @type {Doc} */ c) => c.text).join('')),
    ),
    'bullet list': blocks.some((b) => b.listItem === 'bullet'),
    'numbered list': blocks.some((b) => b.listItem === 'number'),
    'nested list item': blocks.some((b) => b.level === 2),
    strong: marks.has('strong'),
    em: marks.has('em'),
    code: marks.has('code'),
    'external link': defs.some((d) => d._type === 'link'),
    'link openInNewTab': defs.some((d) => d._type === 'link' && d.openInNewTab === true),
    'internalLink → Total Back':
      linkTo('treatment-total-back') && linkedLabel('treatment-total-back') === 'Total Back, Glutes & Hamstrings Relief',
    'internalLink → focus article': linkedLabel('post-massage-focus-and-stress') === 'how massage elevates focus and reduces stress',
    'internalLink → category': defs.some((d) => d._type === 'internalLink' && byId.get(d.reference._ref)?._type === 'category'),
    'figure with caption and credit': body.some((b) => b._type === 'figure' && b.caption && b.credit),
    'pullQuote with attribution': body.some((b) => b._type === 'pullQuote' && b.attribution),
    relatedArticle: body.some((b) => b._type === 'relatedArticle'),
    'empty ctaBlock': body.some((b) => b._type === 'ctaBlock' && !b.cta),
    'BLOG offer line': text.includes('book a massage and use code BLOG for $10 off your first session (30 minutes and up)'),
    'social prompt line': text.includes('Wanna share your thoughts? Give us a shout at @stillpointstudio on social.'),
  }
  for (const [name, ok] of Object.entries(checks)) if (!ok) problems.push(`flagship: missing ${name}`)
  return problems
}
