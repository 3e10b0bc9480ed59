import { blogIndexHref } from '@journal/content'

/** The 404 page's content: for notFound() inside the site and for URLs no route matches. */
export function NotFoundMessage() {
  return (
    <section className="not-found">
      <p className="not-found__code">404</p>
      <h1>We couldn’t find that page</h1>
      <p>It may have moved, or the link may be mistyped.</p>
      <p>
        <a className="button" href={blogIndexHref()}>
          Browse the journal
        </a>
      </p>
    </section>
  )
}
