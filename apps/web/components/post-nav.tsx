import { postHref, type PostLink } from '@journal/content'

export function PostNav({ previous, next }: { previous: PostLink | null; next: PostLink | null }) {
  if (!previous && !next) return null
  return (
    <nav className="post-nav" aria-label="More articles">
      {previous ? (
        <a className="post-nav__link post-nav__link--previous" href={postHref(previous.slug)} rel="prev">
          <span className="post-nav__label">Previous article</span>
          <span className="post-nav__title">{previous.title}</span>
        </a>
      ) : (
        <span />
      )}
      {next ? (
        <a className="post-nav__link post-nav__link--next" href={postHref(next.slug)} rel="next">
          <span className="post-nav__label">Next article</span>
          <span className="post-nav__title">{next.title}</span>
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}
