import type { MetadataRoute } from 'next'
import {
  absoluteUrl,
  authorHref,
  blogIndexHref,
  categoryHref,
  postHref,
  settingsQuery,
  sitemapCountsQuery,
  sitemapEntriesQuery,
  sitemapFileCount,
  sitemapSlice,
  type SitemapEntry,
} from '@journal/content'

import { load } from '@/lib/content'
import { siteOrigin } from '@/lib/site'

/*
 * Sitemaps at /sitemap/<id>.xml, at most 50,000 URLs each (the protocol's limit), listed by the
 * index at /sitemap-index.xml. Published content only; URLs on the canonical origin, never the Host
 * header. Cached, and refreshed by the revalidation webhook through the fetches' tags.
 */

export const revalidate = 3600

export async function generateSitemaps(): Promise<Array<{ id: number }>> {
  const files = sitemapFileCount(await load(sitemapCountsQuery, undefined))
  return Array.from({ length: files }, (_, id) => ({ id }))
}

function lastModified(entry: SitemapEntry): { lastModified?: string } {
  return entry.updatedAt ? { lastModified: entry.updatedAt } : {}
}

export default async function sitemap({ id }: { id: Promise<string> }): Promise<MetadataRoute.Sitemap> {
  const file = Number(await id)
  const [counts, settings] = await Promise.all([load(sitemapCountsQuery, undefined), load(settingsQuery, undefined, { published: true })])
  const slice = sitemapSlice(counts, file)
  if (!slice) return []
  const origin = siteOrigin(settings)
  const entries = await load(sitemapEntriesQuery, slice)
  return [
    ...(slice.includesBlogIndex
      ? [{ url: absoluteUrl(origin, blogIndexHref()), ...(counts.lastModified ? { lastModified: counts.lastModified } : {}) }]
      : []),
    ...entries.categories.map((entry) => ({ url: absoluteUrl(origin, categoryHref(entry.slug)), ...lastModified(entry) })),
    ...entries.authors.map((entry) => ({ url: absoluteUrl(origin, authorHref(entry.slug)), ...lastModified(entry) })),
    ...entries.posts.map((entry) => ({ url: absoluteUrl(origin, postHref(entry.slug)), ...lastModified(entry) })),
  ]
}
