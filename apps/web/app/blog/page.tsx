import type { Metadata } from 'next'
import { blogIndexHref } from '@journal/content'

import { PostIndex } from '../../components/post-index'

export const metadata: Metadata = {
  title: 'Journal',
  alternates: { canonical: blogIndexHref() },
}

export default function BlogIndexPage() {
  return <PostIndex page={1} />
}
