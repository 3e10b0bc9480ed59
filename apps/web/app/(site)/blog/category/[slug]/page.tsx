import type { Metadata } from 'next'
import { categoryHref } from '@journal/content'

import { CategoryListing } from '../../../../../components/category-listing'
import { getCategoryPage, getCategorySlugs, getSettings } from '../../../../../lib/content'
import { listingMetadata } from '../../../../../lib/seo'

interface PageProps {
  params: Promise<{ slug: string }>
}

/**
 * At most this many category pages are prerendered (in the query's order); the rest render on first
 * request and are cached, so a site with hundreds of categories builds as fast as the demo.
 */
const PRERENDER_LIMIT = 10

export async function generateStaticParams() {
  return (await getCategorySlugs()).slice(0, PRERENDER_LIMIT).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { slug } = await params
  const [data, settings] = await Promise.all([getCategoryPage(slug, 1), getSettings()])
  if (!data) return {}
  return listingMetadata({
    settings,
    path: categoryHref(data.category.slug),
    title: data.category.title,
    description: data.category.description,
  })
}

export default async function CategoryPage({ params }: PageProps) {
  const { slug } = await params
  return <CategoryListing slug={slug} page={1} />
}
