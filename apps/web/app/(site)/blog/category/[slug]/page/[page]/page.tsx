import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'

import { CategoryListing, categoryPageHref } from '../../../../../../../components/category-listing'
import { getCategoryPage, getSettings } from '../../../../../../../lib/content'
import { parsePageParam } from '../../../../../../../lib/page-param'
import { listingMetadata } from '../../../../../../../lib/seo'

interface PageProps {
  params: Promise<{ slug: string; page: string }>
}

export function generateStaticParams() {
  return [] // rendered on first request, then cached (ISR)
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { slug, page } = await params
  const number = parsePageParam(page)
  if (!number) return {}
  const [data, settings] = await Promise.all([getCategoryPage(slug, number), getSettings()])
  if (!data) return {}
  return listingMetadata({
    settings,
    path: categoryPageHref(data.category.slug, number),
    title: `${data.category.title} — page ${number}`,
    description: data.category.description,
  })
}

export default async function CategoryPagedPage({ params }: PageProps) {
  const { slug, page } = await params
  const number = parsePageParam(page)
  if (number === null) notFound()
  if (number === 1) permanentRedirect(categoryPageHref(slug, 1))
  return <CategoryListing slug={slug} page={number} />
}
