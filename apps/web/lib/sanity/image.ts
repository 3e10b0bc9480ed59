import 'server-only'

import { createImageUrlBuilder } from '@sanity/image-url'
import type { ImageData } from '@journal/content'

import { serverEnv } from '@/lib/env'

/**
 * The one image URL builder. It produces the base URL (asset, crop and hotspot framing); the
 * next/image loader adds width, quality and format per srcset entry.
 */
export function imageUrl(image: ImageData, frame?: { width: number; height: number }): string {
  const { source } = serverEnv()
  const builder = createImageUrlBuilder({
    projectId: source.projectId,
    dataset: source.dataset,
    baseUrl: source.imageBaseUrl,
  })
  let url = builder.image({
    asset: { _ref: image.assetId },
    ...(image.crop ? { crop: image.crop } : {}),
    ...(image.hotspot ? { hotspot: image.hotspot } : {}),
  })
  if (frame) url = url.width(frame.width).height(frame.height).fit('crop')
  return url.url()
}
