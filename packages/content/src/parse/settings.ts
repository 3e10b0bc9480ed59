import { z } from 'zod'

import { normaliseOrigin, safeHttpsUrl } from '../urls.js'
import { parseBookingCta, type BookingCta } from './cta.js'
import { parseImage, type ImageData } from './image.js'
import type { ParseOptions } from '../issues.js'
import { keepValid, optionalText, parseOrReport, requiredText, type ParseContext } from './primitives.js'
import type { Fields, RawSettings, RawSocialLink } from './raw.js'

export const SOCIAL_PLATFORMS = ['instagram', 'tiktok', 'x', 'facebook', 'youtube', 'linkedin'] as const
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number]

export interface SocialLink {
  platform: SocialPlatform
  handle: string | null
  url: string
}

const socialLinkShape = z.object({
  // the item's key (Studio's array key) is projected for the desk and not read here
  _key: z.unknown().optional(),
  platform: z.enum(SOCIAL_PLATFORMS),
  handle: optionalText,
  url: requiredText,
} satisfies Fields<RawSocialLink>)

export function parseSocialLinks(raw: unknown, context: ParseContext, path: string): SocialLink[] {
  return keepValid(raw, (item, index) => {
    const link = parseOrReport(socialLinkShape, item, context, `${path}[${index}]`)
    if (!link) return null
    const url = safeHttpsUrl(link.url)
    if (!url) {
      context.report({ documentId: context.documentId, path: `${path}[${index}]`, message: 'social link is not https' })
      return null
    }
    return { platform: link.platform, handle: link.handle, url }
  })
}

export interface SiteSettings {
  title: string
  description: string | null
  /** canonical origin from the CMS; the site's configured SITE_URL wins over it */
  siteUrl: string | null
  bookingUrl: string | null
  defaultCta: BookingCta | null
  socialLinks: SocialLink[]
  socialPrompt: string | null
  ogImage: ImageData | null
}

const settingsShape = z.object({
  title: optionalText,
  description: optionalText,
  siteUrl: optionalText,
  bookingUrl: optionalText,
  defaultCta: z.unknown(),
  socialLinks: z.unknown(),
  socialPrompt: optionalText,
  ogImage: z.unknown(),
} satisfies Fields<RawSettings>)

export const DEFAULT_SITE_TITLE = 'Journal'

/**
 * Site settings never fail: a missing or broken settings document gives a site with a default
 * title and no CTA, which is better than no site.
 */
export function parseSiteSettings(raw: unknown, context: ParseContext & { now: Date; utmContent: string | null }): SiteSettings {
  const settings = parseOrReport(settingsShape, raw ?? {}, context, 'settings')
  if (!settings) {
    return {
      title: DEFAULT_SITE_TITLE,
      description: null,
      siteUrl: null,
      bookingUrl: null,
      defaultCta: null,
      socialLinks: [],
      socialPrompt: null,
      ogImage: null,
    }
  }
  return {
    title: settings.title ?? DEFAULT_SITE_TITLE,
    description: settings.description,
    siteUrl: normaliseOrigin(settings.siteUrl),
    bookingUrl: safeHttpsUrl(settings.bookingUrl),
    defaultCta: parseBookingCta(settings.defaultCta, context, 'settings.defaultCta'),
    socialLinks: parseSocialLinks(settings.socialLinks, context, 'settings.socialLinks'),
    socialPrompt: settings.socialPrompt,
    ogImage: parseImage(settings.ogImage, context, 'settings.ogImage'),
  }
}

/**
 * Parses SETTINGS_QUERY. Links carry no utm_content: a page that shows the default CTA adds its
 * own (the article page names the article).
 */
export function parseSettings(raw: unknown, options: ParseOptions = {}): SiteSettings {
  return parseSiteSettings(raw, {
    documentId: 'siteSettings',
    report: options.onIssue ?? (() => undefined),
    now: options.now ?? new Date(),
    utmContent: null,
  })
}
