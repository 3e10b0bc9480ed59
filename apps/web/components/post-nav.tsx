import { postHref, type PostLink } from '@journal/content'

const SIDES = [
  { key: 'previous', label: 'Previous article', rel: 'prev' },
  { key: 'next', label: 'Next article', rel: 'next' },
] as const

export function PostNav(links: { previous: PostLink | null; next: PostLink | null }) {
  if (!links.previous && !links.next) return null
  return (
    <nav className="post-nav" aria-label="More articles">
      {SIDES.map(({ key, label, rel }) => {
        const post = links[key]
        // An empty cell keeps "next" on the right when there is no "previous".
        if (!post) return <span key={key} />
        return (
          <a key={key} className={`post-nav__link post-nav__link--${key}`} href={postHref(post.slug)} rel={rel}>
            <span className="post-nav__label">{label}</span>
            <span className="post-nav__title">{post.title}</span>
          </a>
        )
      })}
    </nav>
  )
}
