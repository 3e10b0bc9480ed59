import { absoluteUrl, settingsQuery, sitemapCountsQuery, sitemapFileCount } from '@journal/content'

import { load } from '@/lib/content'
import { siteOrigin } from '@/lib/site'
import { escapeXml } from '@/lib/xml'

/*
 * The sitemap index, which robots.txt names. app/sitemap.ts splits URLs into files at
 * /sitemap/<id>.xml and Next writes no index for them. It cannot live at /sitemap.xml: Next
 * reserves that path for app/sitemap.ts and refuses a route handler there.
 */

export const revalidate = 3600

export async function GET(): Promise<Response> {
  const [counts, settings] = await Promise.all([load(sitemapCountsQuery, undefined), load(settingsQuery, undefined, { published: true })])
  const origin = siteOrigin(settings)
  const files = sitemapFileCount(counts)
  const entries = Array.from({ length: files }, (_, id) =>
    [
      '<sitemap>',
      `<loc>${escapeXml(absoluteUrl(origin, `/sitemap/${id}.xml`))}</loc>`,
      ...(counts.lastModified ? [`<lastmod>${escapeXml(counts.lastModified)}</lastmod>`] : []),
      '</sitemap>',
    ].join(''),
  )
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries,
    '</sitemapindex>',
    '',
  ].join('\n')
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}
