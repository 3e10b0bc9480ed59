import type { Post } from '@journal/content'

/** Shown for posts with three or more h2 sections; lists h2s and their h3s. */
export function TableOfContents({ headings }: { headings: Post['headings'] }) {
  const entries = headings.filter((heading) => heading.level <= 3)
  if (entries.filter((heading) => heading.level === 2).length < 3) return null
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title" className="toc__title">
        In this article
      </h2>
      <ol className="toc__list">
        {entries.map((heading) => (
          <li key={heading.id} className={`toc__item toc__item--h${heading.level}`}>
            <a href={`#${heading.id}`}>{heading.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
