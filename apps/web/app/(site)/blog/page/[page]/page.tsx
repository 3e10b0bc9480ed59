import { blogIndex } from '@/lib/listings'

export function generateStaticParams() {
  return [] // pages render on first request and are then cached (ISR)
}

export const generateMetadata = blogIndex.paged.generateMetadata
export default blogIndex.paged.Page
