import { authorSlugsQuery } from '@journal/content'

import { load } from '@/lib/content'
import { authorListing } from '@/lib/listings'

/**
 * At most this many author pages are prerendered (in the query's order); the rest render on first
 * request and are cached, so a site with hundreds of authors builds as fast as the demo.
 */
const PRERENDER_LIMIT = 10

export async function generateStaticParams() {
  return (await load(authorSlugsQuery, undefined)).slice(0, PRERENDER_LIMIT).map((slug) => ({ slug }))
}

export const generateMetadata = authorListing.first.generateMetadata
export default authorListing.first.Page
