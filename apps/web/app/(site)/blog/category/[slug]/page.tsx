import { categorySlugsQuery } from '@journal/content'

import { load } from '@/lib/content'
import { categoryListing } from '@/lib/listings'

/**
 * At most this many category pages are prerendered (in the query's order); the rest render on first
 * request and are cached, so a site with hundreds of categorys builds as fast as the demo.
 */
const PRERENDER_LIMIT = 10

export async function generateStaticParams() {
  return (await load(categorySlugsQuery, undefined)).slice(0, PRERENDER_LIMIT).map((slug) => ({ slug }))
}

export const generateMetadata = categoryListing.first.generateMetadata
export default categoryListing.first.Page
