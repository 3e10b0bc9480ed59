import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import { blogIndexHref } from '@journal/content'

import { PostIndex } from '../../../../../components/post-index'
import { getSettings } from '../../../../../lib/content'
import { parsePageParam as parsePage } from '../../../../../lib/page-param'
import { listingMetadata } from '../../../../../lib/seo'

interface PageProps {
  params: Promise<{ page: string }>
}

export function generateStaticParams() {
  return [] // pages render on first request and are then cached (ISR)
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const page = parsePage((await params).page)
  if (!page) return {}
  return listingMetadata({ settings: await getSettings(), path: blogIndexHref(page), title: `Journal — page ${page}`, description: null })
}

export default async function BlogPage({ params }: PageProps) {
  const page = parsePage((await params).page)
  if (page === null) notFound()
  if (page === 1) permanentRedirect(blogIndexHref())
  return <PostIndex page={page} />
}
