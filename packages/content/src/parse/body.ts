import { z } from 'zod'

import { assignHeadingIds, type TocEntry } from '../headings.js'
import { categoryHref, postHref, withUtm } from '../hrefs.js'
import { safeExternalHref, safeHttpsUrl } from '../urls.js'
import { parseBookingCta, type BookingCta } from './cta.js'
import { parseImage, type ImageData } from './image.js'
import { parsePostCard, type PostCard } from './post-card.js'
import { isPostSlug, optionalBoolean, optionalSlug, optionalText, requiredText, type ParseContext } from './primitives.js'

export const BLOCK_STYLES = ['normal', 'h2', 'h3', 'h4', 'blockquote'] as const
export type BlockStyle = (typeof BLOCK_STYLES)[number]
export const DECORATORS = ['strong', 'em', 'code'] as const
export type HeadingStyle = 'h2' | 'h3' | 'h4'

export interface Span {
  _type: 'span'
  _key: string
  text: string
  marks: string[]
}

export interface LinkMark {
  _type: 'link'
  _key: string
  href: string
  openInNewTab: boolean
}

export interface InternalLinkMark {
  _type: 'internalLink'
  _key: string
  href: string
  target: 'post' | 'category' | 'treatment'
}

export type MarkDef = LinkMark | InternalLinkMark

export interface TextBlock {
  _type: 'block'
  _key: string
  style: BlockStyle
  listItem?: 'bullet' | 'number'
  level?: number
  children: Span[]
  markDefs: MarkDef[]
  /** the anchor id of an h2–h4 */
  anchorId?: string
}

export interface FigureBlock {
  _type: 'figure'
  _key: string
  image: ImageData
}

export interface CtaBlock {
  _type: 'ctaBlock'
  _key: string
  cta: BookingCta
}

export interface PullQuoteBlock {
  _type: 'pullQuote'
  _key: string
  text: string
  attribution: string | null
}

export interface RelatedArticleBlock {
  _type: 'relatedArticle'
  _key: string
  post: PostCard
}

export type BodyBlock = TextBlock | FigureBlock | CtaBlock | PullQuoteBlock | RelatedArticleBlock

export interface ParsedBody {
  blocks: BodyBlock[]
  headings: TocEntry[]
}

export interface BodyContext extends ParseContext {
  now: Date
  /** the post's slug: utm_content on outbound booking links */
  utmContent: string | null
  /** the CTA a `ctaBlock` without its own CTA shows */
  defaultCta: BookingCta | null
}

const spanShape = z.object({
  _type: z.literal('span'),
  _key: z.string().optional(),
  text: z.string(),
  marks: z.array(z.string()).nullish().catch(null),
})

const markDefShape = z.object({ _type: requiredText, _key: requiredText }).loose()

const internalTargetShape = z.object({
  _type: z.enum(['post', 'category', 'treatment']),
  slug: optionalSlug,
  bookingUrl: optionalText,
})

function internalHref(target: z.infer<typeof internalTargetShape>, context: BodyContext): string | null {
  switch (target._type) {
    case 'post':
      return isPostSlug(target.slug) ? postHref(target.slug) : null
    case 'category':
      return target.slug ? categoryHref(target.slug) : null
    case 'treatment': {
      const booking = safeHttpsUrl(target.bookingUrl)
      return booking ? withUtm(booking, { content: context.utmContent }) : null
    }
  }
}

function parseMarkDef(raw: unknown, context: BodyContext, path: string): MarkDef | null {
  const base = markDefShape.safeParse(raw)
  if (!base.success) return null
  const { _type: type, _key: key } = base.data
  if (type === 'link') {
    const href = safeExternalHref(base.data.href)
    if (!href) {
      context.report({ documentId: context.documentId, path, message: `unsafe or invalid link href dropped` })
      return null
    }
    return { _type: 'link', _key: key, href, openInNewTab: optionalBoolean.parse(base.data.openInNewTab) }
  }
  if (type === 'internalLink') {
    const target = internalTargetShape.safeParse(base.data.target)
    const href = target.success ? internalHref(target.data, context) : null
    if (!target.success || !href) {
      context.report({ documentId: context.documentId, path, message: 'internal link to a missing or unpublished document dropped' })
      return null
    }
    return { _type: 'internalLink', _key: key, href, target: target.data._type }
  }
  context.report({ documentId: context.documentId, path, message: `unknown annotation "${type}" dropped` })
  return null
}

const blockShape = z.object({
  _key: z.string().optional(),
  style: z.string().nullish().catch(null),
  listItem: z.string().nullish().catch(null),
  level: z.number().int().positive().nullish().catch(null),
  children: z.array(z.unknown()).catch([]),
  markDefs: z.array(z.unknown()).nullish().catch(null),
})

function parseTextBlock(raw: unknown, key: string, context: BodyContext, path: string): TextBlock | null {
  const block = blockShape.safeParse(raw)
  if (!block.success) return null
  const markDefs: MarkDef[] = []
  ;(block.data.markDefs ?? []).forEach((def, index) => {
    const parsed = parseMarkDef(def, context, `${path}.markDefs[${index}]`)
    if (parsed) markDefs.push(parsed)
  })
  const allowedMarks = new Set<string>([...DECORATORS, ...markDefs.map((def) => def._key)])
  const children: Span[] = []
  block.data.children.forEach((child, index) => {
    const span = spanShape.safeParse(child)
    if (!span.success) return
    children.push({
      _type: 'span',
      _key: span.data._key ?? `${key}-s${index}`,
      text: span.data.text,
      // a mark whose definition was dropped (unsafe link, deleted document) renders as plain text
      marks: (span.data.marks ?? []).filter((mark) => allowedMarks.has(mark)),
    })
  })
  if (children.every((span) => span.text.trim() === '')) return null
  const style = (BLOCK_STYLES as readonly string[]).includes(block.data.style ?? '') ? (block.data.style as BlockStyle) : 'normal'
  const listItem = block.data.listItem === 'bullet' || block.data.listItem === 'number' ? block.data.listItem : undefined
  const parsed: TextBlock = { _type: 'block', _key: key, style, children, markDefs }
  if (listItem) {
    parsed.listItem = listItem
    parsed.level = Math.min(block.data.level ?? 1, 4)
  }
  return parsed
}

const pullQuoteShape = z.object({ text: requiredText, attribution: optionalText })

function parseBlock(raw: unknown, index: number, context: BodyContext): BodyBlock | null {
  const path = `body[${index}]`
  if (typeof raw !== 'object' || raw === null) return null
  const record = raw as Record<string, unknown>
  const key = typeof record._key === 'string' && record._key !== '' ? record._key : `b${index}`
  switch (record._type) {
    case 'block':
      return parseTextBlock(raw, key, context, path)
    case 'figure': {
      const image = parseImage(raw, context, path)
      return image ? { _type: 'figure', _key: key, image } : null
    }
    case 'ctaBlock': {
      const own = record.cta === null || record.cta === undefined ? null : parseBookingCta(record.cta, context, `${path}.cta`)
      const cta = own ?? context.defaultCta
      return cta ? { _type: 'ctaBlock', _key: key, cta } : null
    }
    case 'pullQuote': {
      const quote = pullQuoteShape.safeParse(raw)
      if (!quote.success) {
        context.report({ documentId: context.documentId, path, message: 'pull quote without text dropped' })
        return null
      }
      return { _type: 'pullQuote', _key: key, text: quote.data.text, attribution: quote.data.attribution }
    }
    case 'relatedArticle': {
      const post = parsePostCard(record.post, context, `${path}.post`)
      if (!post) {
        context.report({ documentId: context.documentId, path, message: 'related article to a missing or unpublished post dropped' })
        return null
      }
      return { _type: 'relatedArticle', _key: key, post }
    }
    default:
      context.report({
        documentId: context.documentId,
        path,
        message: `unknown block type "${String(record._type)}" dropped`,
      })
      return null
  }
}

export function plainText(block: TextBlock): string {
  return block.children.map((span) => span.text).join('')
}

function isHeading(block: BodyBlock): block is TextBlock & { style: HeadingStyle } {
  return block._type === 'block' && !block.listItem && (block.style === 'h2' || block.style === 'h3' || block.style === 'h4')
}

/**
 * Normalises a post body: unknown block types, unsafe links and references to missing documents
 * are dropped (and reported), keys are made unique, and headings get stable anchor ids.
 */
export function parseBody(raw: unknown, context: BodyContext): ParsedBody {
  if (!Array.isArray(raw)) return { blocks: [], headings: [] }
  const blocks: BodyBlock[] = []
  const usedKeys = new Set<string>()
  raw.forEach((item, index) => {
    const block = parseBlock(item, index, context)
    if (!block) return
    if (usedKeys.has(block._key)) block._key = `${block._key}-${index}`
    usedKeys.add(block._key)
    blocks.push(block)
  })
  const headingBlocks = blocks.filter(isHeading)
  const withIds = assignHeadingIds(
    headingBlocks.map((block) => ({ block, text: plainText(block), level: Number(block.style.slice(1)) as 2 | 3 | 4 })),
  )
  for (const heading of withIds) heading.block.anchorId = heading.id
  return {
    blocks,
    headings: withIds.map(({ id, text, level }) => ({ id, text, level })),
  }
}
