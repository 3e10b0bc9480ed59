import type { Post } from '@journal/content'

type Heading = Post['headings'][number]

interface Section {
  heading: Heading
  subsections: Heading[]
}

/** h2s with the h3s under them: a numbered list of sections, each with its own sub-list. */
function sections(headings: Heading[]): Section[] {
  const result: Section[] = []
  for (const heading of headings) {
    const section = result.at(-1)
    if (heading.level === 2 || (heading.level === 3 && !section)) result.push({ heading, subsections: [] })
    else if (heading.level === 3) section?.subsections.push(heading)
  }
  return result
}

/** Shown for posts with three or more h2 sections; lists h2s and their h3s. */
export function TableOfContents({ headings }: { headings: Post['headings'] }) {
  if (headings.filter((heading) => heading.level === 2).length < 3) return null
  const list = sections(headings)
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title" className="toc__title">
        In this article
      </h2>
      <ol className="toc__list">
        {list.map(({ heading, subsections }) => (
          <li key={heading.id} className="toc__item">
            <a href={`#${heading.id}`}>{heading.text}</a>
            {subsections.length > 0 ? (
              <ul className="toc__sublist">
                {subsections.map((sub) => (
                  <li key={sub.id} className="toc__subitem">
                    <a href={`#${sub.id}`}>{sub.text}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  )
}
