import { blogIndex } from '@/lib/listings'

export const generateMetadata = blogIndex.first.generateMetadata
export default blogIndex.first.Page
