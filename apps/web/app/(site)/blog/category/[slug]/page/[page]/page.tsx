import { categoryListing } from '@/lib/listings'

export function generateStaticParams() {
  return [] // rendered on first request, then cached (ISR)
}

export const generateMetadata = categoryListing.paged.generateMetadata
export default categoryListing.paged.Page
