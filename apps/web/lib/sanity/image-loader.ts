/**
 * next/image loader for Sanity-style image CDNs (Sanity's own, or the local lake that mimics it):
 * the CDN resizes, so next/image only has to ask for the right width. A framed image keeps its
 * aspect ratio by scaling the height with the width.
 */
export default function sanityImageLoader({ src, width, quality }: { src: string; width: number; quality?: number }): string {
  const url = new URL(src)
  const baseWidth = Number(url.searchParams.get('w'))
  const baseHeight = Number(url.searchParams.get('h'))
  url.searchParams.set('w', String(width))
  if (baseWidth > 0 && baseHeight > 0) {
    url.searchParams.set('h', String(Math.round((baseHeight * width) / baseWidth)))
  }
  url.searchParams.set('q', String(quality ?? 75))
  url.searchParams.set('auto', 'format')
  if (!url.searchParams.has('fit')) url.searchParams.set('fit', 'max')
  return url.toString()
}
