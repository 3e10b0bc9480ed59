import type { MetadataRoute } from 'next'
import { absoluteUrl, settingsQuery } from '@journal/content'

import { load } from '@/lib/content'
import { siteOrigin } from '@/lib/site'

export const revalidate = 3600

/** app/sitemap-index.xml/route.ts */
const SITEMAP_INDEX_PATH = '/sitemap-index.xml'

/**
 * Everything may be crawled except the API routes and the bare performance baseline
 * (app/(baseline)); the sitemap index is on the canonical origin. No `Allow: /`: Next writes Allow
 * lines before Disallow lines, and crawlers that apply the first matching rule (the original
 * convention; Python's urllib.robotparser) would then fetch everything. Unlisted is allowed.
 */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = siteOrigin(await load(settingsQuery, undefined, { published: true }))
  return {
    rules: { userAgent: '*', disallow: ['/api/', '/baseline/'] },
    sitemap: absoluteUrl(origin, SITEMAP_INDEX_PATH),
  }
}
