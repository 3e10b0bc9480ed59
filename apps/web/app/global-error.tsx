'use client'

// The href builder alone: the package's main entry brings zod, which has no place in client code.
import { blogIndexHref } from '@journal/content/hrefs'

import './(site)/globals.css'

/*
 * A page that failed to render and has no cached copy to fall back on — in practice, a page no one
 * had visited yet while the content source is unreachable (scripts/outage.mjs). Next draws this in
 * the browser in place of its own unbranded error screen; the response stays a 500 that no cache
 * keeps. Everything it needs is here: it replaces the root layout, and the content source that
 * would provide the site's name is the thing that failed.
 */
export default function GlobalError() {
  return (
    <html lang="en">
      <head>
        <title>This page couldn’t load</title>
        <meta name="robots" content="noindex" />
      </head>
      <body>
        <main id="main" tabIndex={-1}>
          <section className="not-found" aria-labelledby="error-title">
            <p className="not-found__code">Error</p>
            <h1 id="error-title">This page couldn’t load</h1>
            <p>Something went wrong on our side. Please try again in a moment.</p>
            <p>
              {/* A reload, not reset(): the page's server render is what failed, and it is what must be asked for again. */}
              <button type="button" className="button" onClick={() => window.location.reload()}>
                Try again
              </button>{' '}
              <a href={blogIndexHref()}>Go to the journal</a>
            </p>
          </section>
        </main>
      </body>
    </html>
  )
}
