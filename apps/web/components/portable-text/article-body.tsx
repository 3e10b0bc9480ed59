import { PortableText, type PortableTextComponents } from '@portabletext/react'
import type { ReactNode } from 'react'
import type {
  BodyBlock,
  CtaBlock,
  FigureBlock,
  InternalLinkMark,
  LinkMark,
  PullQuoteBlock,
  RelatedArticleBlock,
  TextBlock,
} from '@journal/content'

import { editProps } from '@/lib/edit-props'
import { BookingCta } from '@/components/booking-cta'
import { ArticleFigure } from './article-figure'
import { ReadMoreCard } from './read-more-card'

function headingId(value: unknown): string | undefined {
  return (value as TextBlock).anchorId
}

/** The `data-sanity` value of a block by its key, in draft mode only (see lib/visual-editing.ts). */
export type BlockEditAttribute = (key: string) => string | undefined

const keyOf = (value: unknown): string => (value as { _key: string })._key

function components(edit?: BlockEditAttribute): PortableTextComponents {
  const at = (value: unknown) => editProps(edit?.(keyOf(value)))
  // Custom blocks draw their own root element; in draft mode a wrapper carries the attribute.
  const editable = (value: unknown, node: ReactNode) => (edit ? <div {...at(value)}>{node}</div> : node)
  return {
    block: {
      normal: ({ children, value }) => <p {...at(value)}>{children}</p>,
      h2: ({ children, value }) => (
        <h2 id={headingId(value)} {...at(value)}>
          {children}
        </h2>
      ),
      h3: ({ children, value }) => (
        <h3 id={headingId(value)} {...at(value)}>
          {children}
        </h3>
      ),
      h4: ({ children, value }) => (
        <h4 id={headingId(value)} {...at(value)}>
          {children}
        </h4>
      ),
      blockquote: ({ children, value }) => <blockquote {...at(value)}>{children}</blockquote>,
    },
    list: {
      bullet: ({ children }) => <ul>{children}</ul>,
      number: ({ children }) => <ol>{children}</ol>,
    },
    listItem: {
      bullet: ({ children, value }) => <li {...at(value)}>{children}</li>,
      number: ({ children, value }) => <li {...at(value)}>{children}</li>,
    },
    marks: {
      link: ({ children, value }) => {
        const mark = value as LinkMark
        return mark.openInNewTab ? (
          <a href={mark.href} target="_blank" rel="noopener noreferrer">
            {children}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        ) : (
          <a href={mark.href}>{children}</a>
        )
      },
      internalLink: ({ children, value }) => {
        const mark = value as InternalLinkMark
        return (
          <a href={mark.href} className={`internal-link internal-link--${mark.target}`}>
            {children}
          </a>
        )
      },
    },
    types: {
      figure: ({ value }) => editable(value, <ArticleFigure image={(value as FigureBlock).image} />),
      ctaBlock: ({ value }) => editable(value, <BookingCta cta={(value as CtaBlock).cta} placement="inline" />),
      pullQuote: ({ value }) => {
        const quote = value as PullQuoteBlock
        return editable(
          value,
          <figure className="pull-quote">
            <blockquote>
              <p>{quote.text}</p>
            </blockquote>
            {quote.attribution ? <figcaption>— {quote.attribution}</figcaption> : null}
          </figure>,
        )
      },
      relatedArticle: ({ value }) => editable(value, <ReadMoreCard post={(value as RelatedArticleBlock).post} />),
    },
  }
}

const PUBLIC_COMPONENTS = components()

/**
 * Renders a parsed body. The content package has already dropped unknown types and unsafe
 * marks, so nothing here needs to check whether a field exists. `edit` (draft mode only) gives
 * each block its click-to-edit attribute.
 */
export function ArticleBody({ blocks, edit }: { blocks: BodyBlock[]; edit?: BlockEditAttribute }) {
  return <PortableText value={blocks} components={edit ? components(edit) : PUBLIC_COMPONENTS} onMissingComponent={false} />
}
