import { render, screen, within } from '@testing-library/react'
import type { BodyBlock } from '@journal/content'
import { describe, expect, it } from 'vitest'

import { card, cta, image } from '@/test/fixtures'
import { ArticleBody } from './article-body'

const span = (text: string, marks: string[] = []) => ({ _type: 'span' as const, _key: text, text, marks })
const block = (key: string, style: 'normal' | 'h2' | 'h3' | 'h4' | 'blockquote', text: string, extra = {}) => ({
  _type: 'block' as const,
  _key: key,
  style,
  markDefs: [],
  children: [span(text)],
  ...extra,
})

const blocks: BodyBlock[] = [
  block('h2', 'h2', '“Will it feel mechanical?”', { anchorId: 'will-it-feel-mechanical' }),
  block('h3', 'h3', 'Pressure', { anchorId: 'pressure' }),
  block('h4', 'h4', 'Sensors', { anchorId: 'sensors' }),
  {
    _type: 'block',
    _key: 'p1',
    style: 'normal',
    markDefs: [
      { _type: 'link', _key: 'ext', href: 'https://example.com/study', openInNewTab: true },
      { _type: 'link', _key: 'same', href: 'mailto:hello@example.com', openInNewTab: false },
      { _type: 'internalLink', _key: 'treat', href: 'https://book.example.com/t?utm_source=journal', target: 'treatment' },
      { _type: 'internalLink', _key: 'post', href: '/blog/focus', target: 'post' },
    ],
    children: [
      span('a study', ['ext']),
      span(' write to us', ['same']),
      span(' Total Back, Glutes & Hamstrings Relief', ['treat', 'strong']),
      span(' how massage elevates focus and reduces stress', ['post']),
      span(' emphasis', ['em']),
      span(' code()', ['code']),
    ],
  },
  block('q', 'blockquote', 'A quiet mind follows a quiet body.'),
  block('li1', 'normal', 'First bullet', { listItem: 'bullet', level: 1 }),
  block('li2', 'normal', 'Nested bullet', { listItem: 'bullet', level: 2 }),
  block('n1', 'normal', 'Step one', { listItem: 'number', level: 1 }),
  block('n2', 'normal', 'Step two', { listItem: 'number', level: 1 }),
  { _type: 'figure', _key: 'fig', image: image({ caption: 'The path the arm follows', credit: 'Still Point' }) },
  { _type: 'pullQuote', _key: 'pq', text: 'Consistency is the point.', attribution: 'Maya Lindqvist' },
  { _type: 'relatedArticle', _key: 'ra', post: card('focus', { title: 'Massage and focus' }) },
  { _type: 'ctaBlock', _key: 'cta', cta: cta() },
]

describe('ArticleBody', () => {
  it('renders headings with their anchor ids', () => {
    render(<ArticleBody blocks={blocks} />)
    expect(screen.getByRole('heading', { level: 2, name: '“Will it feel mechanical?”' })).toHaveAttribute('id', 'will-it-feel-mechanical')
    expect(screen.getByRole('heading', { level: 3, name: 'Pressure' })).toHaveAttribute('id', 'pressure')
    expect(screen.getByRole('heading', { level: 4, name: 'Sensors' })).toHaveAttribute('id', 'sensors')
  })

  it('opens new-tab links safely and keeps same-tab links plain', () => {
    render(<ArticleBody blocks={blocks} />)
    const external = screen.getByRole('link', { name: /a study/u })
    expect(external).toHaveAttribute('target', '_blank')
    expect(external).toHaveAttribute('rel', 'noopener noreferrer')
    const mail = screen.getByRole('link', { name: 'write to us' })
    expect(mail).not.toHaveAttribute('target')
    expect(mail).toHaveAttribute('href', 'mailto:hello@example.com')
  })

  it('links to treatments and articles through their resolved hrefs', () => {
    render(<ArticleBody blocks={blocks} />)
    expect(screen.getByRole('link', { name: 'Total Back, Glutes & Hamstrings Relief' })).toHaveAttribute(
      'href',
      'https://book.example.com/t?utm_source=journal',
    )
    expect(screen.getByRole('link', { name: 'how massage elevates focus and reduces stress' })).toHaveAttribute('href', '/blog/focus')
  })

  it('renders decorators, blockquotes and nested lists semantically', () => {
    const { container } = render(<ArticleBody blocks={blocks} />)
    expect(container.querySelector('strong')).toHaveTextContent('Total Back')
    expect(container.querySelector('em')).toHaveTextContent('emphasis')
    expect(container.querySelector('code')).toHaveTextContent('code()')
    expect(container.querySelector('blockquote')).toHaveTextContent('A quiet mind follows a quiet body.')
    expect(container.querySelector('ul ul li')).toHaveTextContent('Nested bullet')
    expect(container.querySelectorAll('ol > li')).toHaveLength(2)
  })

  it('renders figures with caption and credit', () => {
    render(<ArticleBody blocks={blocks} />)
    const img = screen.getByRole('img', { name: 'Soft sage gradient with a single arc' })
    expect(img).toHaveAttribute('srcset')
    expect(img).toHaveAttribute('width')
    const figure = img.closest('figure')
    expect(figure).not.toBeNull()
    expect(within(figure as HTMLElement).getByText(/The path the arm follows/u)).toBeInTheDocument()
    expect(within(figure as HTMLElement).getByText(/Still Point/u)).toBeInTheDocument()
  })

  it('renders pull quotes, read-more cards and CTA blocks', () => {
    render(<ArticleBody blocks={blocks} />)
    expect(screen.getByText('Consistency is the point.').closest('figure')).toHaveTextContent('— Maya Lindqvist')
    const readMore = screen.getByRole('complementary', { name: 'Read more' })
    expect(within(readMore).getByRole('link')).toHaveAttribute('href', '/blog/focus')
    expect(within(readMore).getByText('Massage and focus')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Your first session, for less' })).toBeInTheDocument()
    expect(screen.getByText('BLOG')).toBeInTheDocument()
  })
})

describe('click-to-edit attributes', () => {
  it('marks every block with its key in draft mode, and nothing without', () => {
    const { container, unmount } = render(<ArticleBody blocks={blocks} edit={(key) => `edit:${key}`} />)
    const marked = [...container.querySelectorAll('[data-sanity]')].map((element) => element.getAttribute('data-sanity'))
    expect(marked).toEqual(blocks.map((value) => `edit:${value._key}`))
    unmount()
    const { container: publicBody } = render(<ArticleBody blocks={blocks} />)
    expect(publicBody.querySelectorAll('[data-sanity]')).toHaveLength(0)
  })
})
