import type { Metadata, Viewport } from 'next'
import { draftMode } from 'next/headers'
import { VisualEditing } from 'next-sanity/visual-editing'
import type { ReactNode } from 'react'
import { preconnect } from 'react-dom'
import { formatMomentsHeader, settingsQuery } from '@journal/content'

import { PreviewBanner } from '@/components/preview-banner'
import { SiteShell } from '@/components/site-shell'
import { getContentClock, load } from '@/lib/content'
import { serverEnv } from '@/lib/env'
import { feedAlternate } from '@/lib/seo'
import { siteOrigin } from '@/lib/site'
import { THEME_COLORS } from '@/lib/theme'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const [settings, clock] = await Promise.all([load(settingsQuery, undefined), getContentClock()])
  // When this page stops being true (an offer starts or ends, a scheduled post goes live): the
  // cache handler ends the cached copy's lifetime there (cache-handler.mjs, withContentMoments).
  const moments = formatMomentsHeader(clock)
  return {
    ...(moments ? { other: { 'content-moments': moments } } : {}),
    metadataBase: new URL(siteOrigin(settings)),
    title: { default: settings.title, template: `%s · ${settings.title}` },
    description: settings.description,
    // Pages that set their own alternates or openGraph replace these, so lib/seo.ts repeats them.
    alternates: { types: feedAlternate(settings) },
    openGraph: { type: 'website', siteName: settings.title },
  }
}

export const viewport: Viewport = { themeColor: THEME_COLORS }

/** The site's root layout: everything under /blog. (The baseline route group has its own.) */
export default async function SiteLayout({ children }: { children: ReactNode }) {
  // The same load as the metadata's and the article's: one settings read per render.
  const settings = await load(settingsQuery, undefined)
  const preview = (await draftMode()).isEnabled
  // Images come from the image CDN's origin (the lake's in embedded mode): open that connection
  // while the HTML is still arriving, so the hero image's request does not wait for it.
  preconnect(new URL(serverEnv().source.imageBaseUrl).origin)
  return (
    // Overlays for the Presentation tool, in both modes: draft mode only, never in public pages.
    <SiteShell settings={settings} top={preview ? <PreviewBanner /> : null} bottom={preview ? <VisualEditing /> : null}>
      {children}
    </SiteShell>
  )
}
