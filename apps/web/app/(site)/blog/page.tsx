import type { Metadata } from 'next'
import { blogIndexHref } from '@journal/content'

import { PostIndex } from '../../../components/post-index'
import { getSettings } from '../../../lib/content'
import { listingMetadata } from '../../../lib/seo'

export async function generateMetadata(): Promise<Metadata> {
  return listingMetadata({ settings: await getSettings(), path: blogIndexHref(), title: 'Journal', description: null })
}

export default function BlogIndexPage() {
  return <PostIndex page={1} />
}
