'use client'

import type { CSSProperties } from 'react'

// The href builder alone: the package's main entry brings zod, which has no place in client code.
import { blogIndexHref } from '@journal/content/hrefs'

/*
 * A page that failed to render and has no cached copy to fall back on — in practice, a page no one
 * had visited yet while the content source is unreachable (scripts/outage.mjs). Next draws this in
 * the browser in place of its own unbranded error screen; the response stays a 500 that no cache
 * keeps. Everything it needs is here: it replaces the root layout, and the content source that
 * would provide the site's name is the thing that failed.
 *
 * Styled with style props, not by importing globals.css: Next carries the global error boundary's
 * stylesheet in the flight data of every page, baseline included, so importing the site's 12 kB
 * stylesheet here added 3.3 kB (gzip) to every HTML response. React applies style props through
 * the CSSOM when it draws this page, which the CSP allows. light-dark() follows the reader's
 * colour scheme with the site's palette (globals.css :root).
 */
const page: CSSProperties = {
  margin: 0,
  minHeight: '100vh',
  colorScheme: 'light dark',
  background: 'light-dark(#f6f3ee, #161917)',
  color: 'light-dark(#1f2421, #ecebe6)',
  fontFamily: 'system-ui, sans-serif',
  fontSize: '1.1rem',
  lineHeight: 1.65,
}
const section: CSSProperties = { maxWidth: '42rem', margin: '0 auto', padding: '4rem 1.25rem' }
const code: CSSProperties = {
  margin: 0,
  fontSize: '0.9rem',
  fontWeight: 600,
  letterSpacing: '0.08em',
  color: 'light-dark(#4a524d, #b9bdb8)',
}
const heading: CSSProperties = {
  fontFamily: "'Iowan Old Style', 'Palatino Linotype', Georgia, serif",
  fontSize: 'clamp(1.9rem, 1.5rem + 2vw, 2.9rem)',
  lineHeight: 1.2,
  margin: '0.25rem 0 0.75rem',
}
const button: CSSProperties = {
  minHeight: '2.9rem',
  padding: '0.65rem 1.4rem',
  border: 0,
  borderRadius: 999,
  background: 'light-dark(#2f5d4a, #8fc3a8)',
  color: 'light-dark(#ffffff, #0f1a14)',
  font: 'inherit',
  fontWeight: 600,
  cursor: 'pointer',
  marginRight: '1rem',
}
const link: CSSProperties = { color: 'light-dark(#2f5d4a, #8fc3a8)', textUnderlineOffset: '0.2em' }

export default function GlobalError() {
  return (
    <html lang="en">
      <head>
        <title>This page couldn’t load</title>
        <meta name="robots" content="noindex" />
      </head>
      <body style={page}>
        <main id="main" tabIndex={-1}>
          <section style={section} aria-labelledby="error-title">
            <p style={code}>Error</p>
            <h1 id="error-title" style={heading}>
              This page couldn’t load
            </h1>
            <p>Something went wrong on our side. Please try again in a moment.</p>
            <p>
              {/* A reload, not reset(): the page's server render is what failed, and it is what must be asked for again. */}
              <button type="button" style={button} onClick={() => window.location.reload()}>
                Try again
              </button>
              <a href={blogIndexHref()} style={link}>
                Go to the journal
              </a>
            </p>
          </section>
        </main>
      </body>
    </html>
  )
}
