import type { ParseOptions } from '../issues.js'
import { parseSiteSettings, type SiteSettings } from './settings.js'

/** Parses SETTINGS_QUERY. The default CTA's utm_content is the page that shows it. */
export function parseSettings(raw: unknown, options: ParseOptions & { utmContent?: string } = {}): SiteSettings {
  return parseSiteSettings(raw, {
    documentId: 'siteSettings',
    report: options.onIssue ?? (() => undefined),
    now: options.now ?? new Date(),
    utmContent: options.utmContent ?? null,
  })
}
