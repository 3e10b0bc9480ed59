import { blogIndexHref, DEFAULT_SITE_TITLE, type SiteSettings } from '@journal/content'

/** The brand and the booking link, on every page of the site (and the global 404). */
export function SiteHeader({ settings }: { settings: SiteSettings }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a className="site-header__brand" href={blogIndexHref()}>
          {settings.title || DEFAULT_SITE_TITLE}
        </a>
        {settings.bookingUrl ? (
          <a className="site-header__book" href={settings.bookingUrl}>
            {/* one inline box: as a flex item of its own the second span would lose its leading space */}
            <span>
              Book<span className="site-header__book-more"> a session</span>
            </span>
          </a>
        ) : null}
      </div>
    </header>
  )
}
