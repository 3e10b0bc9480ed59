import type { ReactNode } from 'react'
import type { SiteSettings } from '@journal/content'

import { SiteFooter } from '@/components/site-footer'
import { SiteHeader } from '@/components/site-header'

/**
 * The document every public page sits in: skip link, header, main, footer. The site's layout and
 * the global not-found page (which no layout wraps) both render it; `top` and `bottom` hold what
 * draft mode adds around the page (the preview banner, the Presentation overlays).
 */
export function SiteShell({
  settings,
  children,
  top = null,
  bottom = null,
}: {
  settings: SiteSettings
  children: ReactNode
  top?: ReactNode
  bottom?: ReactNode
}) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {top}
        <SiteHeader settings={settings} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter settings={settings} />
        {bottom}
      </body>
    </html>
  )
}
