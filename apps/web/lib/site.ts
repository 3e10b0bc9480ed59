import 'server-only'

import type { SiteSettings } from '@journal/content'

import { serverEnv } from './env'

/**
 * The canonical origin: SITE_URL when configured, else the one editors set in site settings,
 * else localhost for a developer's machine. Never the request's Host header, which a client
 * controls.
 */
export function siteOrigin(settings: Pick<SiteSettings, 'siteUrl'> | null): string {
  return serverEnv().siteUrl ?? settings?.siteUrl ?? `http://localhost:${process.env.PORT ?? '3000'}`
}
