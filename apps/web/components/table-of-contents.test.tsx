import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { card } from '@/test/fixtures'
import { RelatedPosts } from './related-posts'
import { TableOfContents } from './table-of-contents'

describe('TableOfContents', () => {
  const h = (id: string, level: 2 | 3 | 4) => ({ id, text: id.toUpperCase(), level })

  it('appears for three or more h2 sections and links to their anchors', () => {
    render(<TableOfContents headings={[h('a', 2), h('a1', 3), h('b', 2), h('c', 2), h('c1', 4)]} />)
    const links = screen.getAllByRole('link')
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['#a', '#a1', '#b', '#c'])
  })

  it('nests h3s under their h2, so the sections are numbered 1, 2, 3', () => {
    const { container } = render(<TableOfContents headings={[h('a', 2), h('a1', 3), h('a2', 3), h('b', 2), h('c', 2)]} />)
    const sections = container.querySelectorAll('ol.toc__list > li')
    expect(sections).toHaveLength(3)
    expect([...(sections[0]?.querySelectorAll('ul a') ?? [])].map((link) => link.textContent)).toEqual(['A1', 'A2'])
  })

  it('is absent for shorter posts', () => {
    const { container } = render(<TableOfContents headings={[h('a', 2), h('b', 2), h('b1', 3)]} />)
    expect(container).toBeEmptyDOMElement()
  })
})

describe('RelatedPosts', () => {
  it('shows a card per post with title, date and reading time', () => {
    render(<RelatedPosts posts={[card('a'), card('b', { readingMinutes: 6 }), card('c')]} />)
    expect(screen.getAllByRole('article')).toHaveLength(3)
    expect(screen.getByRole('link', { name: 'Post b' })).toHaveAttribute('href', '/blog/b')
    expect(screen.getByText('6 min read')).toBeInTheDocument()
    expect(screen.getAllByText('22 Jul 2025')).toHaveLength(3)
  })

  it('renders nothing without related posts', () => {
    const { container } = render(<RelatedPosts posts={[]} />)
    expect(container).toBeEmptyDOMElement()
  })
})
