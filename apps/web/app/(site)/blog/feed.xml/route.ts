import { feedQuery, formatMomentsHeader, MOMENTS_HEADER, type ImageData } from '@journal/content'

import { getContentClock, load } from '@/lib/content'
import { buildRssFeed } from '@/lib/feed'
import { imageUrl } from '@/lib/sanity/image'
import { siteOrigin } from '@/lib/site'

/*
 * RSS 2.0 feed of the newest posts, in full. Rendered once and cached (ISR); the fetch's tags let
 * the revalidation webhook refresh it on publish, and `revalidate` is the safety net.
 */

export const revalidate = 3600

/** Feed readers show images at reading width: at most 1200px wide, in the editor's crop. */
const FEED_IMAGE_WIDTH = 1200

function feedImageUrl(image: ImageData): string {
  const cropWidth = 1 - (image.crop?.left ?? 0) - (image.crop?.right ?? 0)
  const cropHeight = 1 - (image.crop?.top ?? 0) - (image.crop?.bottom ?? 0)
  const width = Math.max(1, Math.round(image.width * cropWidth))
  const height = Math.max(1, Math.round(image.height * cropHeight))
  const scale = Math.min(1, FEED_IMAGE_WIDTH / width)
  return imageUrl(image, { width: Math.round(width * scale), height: Math.max(1, Math.round(height * scale)) })
}

export async function GET(): Promise<Response> {
  const [feed, clock] = await Promise.all([load(feedQuery, undefined), getContentClock({ published: true })])
  const xml = buildRssFeed(feed, { origin: siteOrigin(feed.settings), imageSrc: feedImageUrl })
  // Bodies carry CTAs with offers, and a scheduled post joins the feed when it goes live: the
  // cache ends this response's lifetime at those moments (cache-handler.mjs).
  const moments = formatMomentsHeader(clock)
  return new Response(xml, {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', ...(moments ? { [MOMENTS_HEADER]: moments } : {}) },
  })
}
