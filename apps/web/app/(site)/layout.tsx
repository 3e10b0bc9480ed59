import type { Metadata, Viewport } from 'next'
import { draftMode } from 'next/headers'
import { VisualEditing } from 'next-sanity/visual-editing'
import type { ReactNode } from 'react'
import { blogIndexHref, DEFAULT_SITE_TITLE } from '@journal/content'

import { PreviewBanner } from '../components/preview-banner'
import { getSettings } from '../lib/content'
import { serverEnv } from '../lib/env'
import { feedAlternate } from '../lib/seo'
import { siteOrigin } from '../lib/site'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSettings()
  return {
    metadataBase: new URL(siteOrigin(settings)),
    title: { default: settings.title, template: `%s · ${settings.title}` },
    description: settings.description,
    // Pages that set their own alternates or openGraph replace these, so lib/seo.ts repeats them.
    alternates: { types: feedAlternate(settings) },
    openGraph: { type: 'website', siteName: settings.title },
  }
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f6f3ee' },
    { media: '(prefers-color-scheme: dark)', color: '#1c1f1d' },
  ],
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const settings = await getSettings('site-header')
  const preview = (await draftMode()).isEnabled
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {preview ? <PreviewBanner /> : null}
        <header className="site-header">
          <div className="site-header__inner">
            <a className="site-header__brand" href={blogIndexHref()}>
              {settings.title || DEFAULT_SITE_TITLE}
            </a>
            {settings.bookingUrl ? (
              <a className="site-header__book" href={settings.bookingUrl}>
                Book a session
              </a>
            ) : null}
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer__inner">
            <p>
              © {new Date().getFullYear()} {settings.title}
            </p>
            {settings.description ? <p className="site-footer__description">{settings.description}</p> : null}
          </div>
        </footer>
        {/* Overlays for the Presentation tool: hosted mode, draft mode only — never in public pages. */}
        {preview && serverEnv().source.mode === 'hosted' ? <VisualEditing /> : null}
      </body>
    </html>
  )
}
