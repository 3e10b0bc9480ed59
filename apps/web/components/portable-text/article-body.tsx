import { PortableText, type PortableTextComponents } from '@portabletext/react'
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

import { BookingCta } from '../booking-cta'
import { ArticleFigure } from './article-figure'
import { ReadMoreCard } from './read-more-card'

function headingId(value: unknown): string | undefined {
  return (value as TextBlock).anchorId
}

const components: PortableTextComponents = {
  block: {
    normal: ({ children }) => <p>{children}</p>,
    h2: ({ children, value }) => <h2 id={headingId(value)}>{children}</h2>,
    h3: ({ children, value }) => <h3 id={headingId(value)}>{children}</h3>,
    h4: ({ children, value }) => <h4 id={headingId(value)}>{children}</h4>,
    blockquote: ({ children }) => <blockquote>{children}</blockquote>,
  },
  list: {
    bullet: ({ children }) => <ul>{children}</ul>,
    number: ({ children }) => <ol>{children}</ol>,
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
    figure: ({ value }) => <ArticleFigure image={(value as FigureBlock).image} />,
    ctaBlock: ({ value }) => <BookingCta cta={(value as CtaBlock).cta} placement="inline" />,
    pullQuote: ({ value }) => {
      const quote = value as PullQuoteBlock
      return (
        <figure className="pull-quote">
          <blockquote>
            <p>{quote.text}</p>
          </blockquote>
          {quote.attribution ? <figcaption>— {quote.attribution}</figcaption> : null}
        </figure>
      )
    },
    relatedArticle: ({ value }) => <ReadMoreCard post={(value as RelatedArticleBlock).post} />,
  },
}

/**
 * Renders a parsed body. The content package has already dropped unknown types and unsafe
 * marks, so nothing here needs to check whether a field exists.
 */
export function ArticleBody({ blocks }: { blocks: BodyBlock[] }) {
  return <PortableText value={blocks} components={components} onMissingComponent={false} />
}
