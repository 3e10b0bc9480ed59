import type { SiteSettings } from '@journal/content'

export function SiteFooter({ settings }: { settings: SiteSettings }) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          © {new Date().getFullYear()} {settings.title}
        </p>
        {settings.description ? <p className="site-footer__description">{settings.description}</p> : null}
      </div>
    </footer>
  )
}
