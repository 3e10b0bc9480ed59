import type { Metadata } from 'next'
import { authorHref } from '@journal/content'

import { AuthorListing } from '../../../../../components/author-listing'
import { getAuthorPage, getAuthorSlugs, getSettings } from '../../../../../lib/content'
import { authorDescription, listingMetadata } from '../../../../../lib/seo'

interface PageProps {
  params: Promise<{ slug: string }>
}

/**
 * At most this many author pages are prerendered (in the query's order); the rest render on first
 * request and are cached, so a site with hundreds of authors builds as fast as the demo.
 */
const PRERENDER_LIMIT = 10

export async function generateStaticParams() {
  return (await getAuthorSlugs()).slice(0, PRERENDER_LIMIT).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { slug } = await params
  const [data, settings] = await Promise.all([getAuthorPage(slug, 1), getSettings()])
  if (!data) return {}
  return listingMetadata({
    settings,
    path: authorHref(data.author.slug),
    title: data.author.name,
    description: authorDescription(data.author),
  })
}

export default async function AuthorPage({ params }: PageProps) {
  const { slug } = await params
  return <AuthorListing slug={slug} page={1} />
}
