import { blogIndexHref } from '@journal/content'

export default function NotFound() {
  return (
    <section className="not-found">
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
