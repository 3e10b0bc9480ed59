import { authorListing } from '@/lib/listings'

export function generateStaticParams() {
  return [] // rendered on first request, then cached (ISR)
}

export const generateMetadata = authorListing.paged.generateMetadata
export default authorListing.paged.Page
