import type { Metadata, Viewport } from 'next'
import { settingsQuery } from '@journal/content'

import { NotFoundMessage } from '@/components/not-found-message'
import { SiteShell } from '@/components/site-shell'
import { load } from '@/lib/content'
import { THEME_COLORS } from '@/lib/theme'
import './(site)/globals.css'

/*
 * URLs that match no route (/anything, /blog/a/b/c). The app has two root layouts — the site's
 * and the bare baseline's — so no single layout can wrap a 404; Next renders this whole document
 * instead (experimental.globalNotFound in next.config.ts). Published settings only: the response
 * is the same for everyone.
 */

export async function generateMetadata(): Promise<Metadata> {
  const settings = await load(settingsQuery, undefined, { published: true })
  return { title: `Page not found · ${settings.title}` }
}

export const viewport: Viewport = { themeColor: THEME_COLORS }

export default async function GlobalNotFound() {
  const settings = await load(settingsQuery, undefined, { published: true })
  return (
    <SiteShell settings={settings}>
      <NotFoundMessage />
    </SiteShell>
  )
}
