import type { Metadata } from 'next'
import type { ReactNode } from 'react'

/*
 * A bare root layout for the performance baseline: what Next.js alone costs, with none of the
 * site's components, CSS or metadata. scripts/lighthouse.mjs compares article pages against it.
 * Not for readers: noindex here, disallowed in robots.txt, never in the sitemap.
 */

export const metadata: Metadata = {
  robots: { index: false, follow: false },
}

export default function BaselineLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
