import type { Metadata } from 'next'
import { categoryHref } from '@journal/content'

import { CategoryListing } from '../../../../components/category-listing'
import { getCategoryPage, getCategorySlugs } from '../../../../lib/content'

interface PageProps {
  params: Promise<{ slug: string }>
}

export async function generateStaticParams() {
  return (await getCategorySlugs()).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { slug } = await params
  const data = await getCategoryPage(slug, 1)
  if (!data) return {}
  return {
    title: data.category.title,
    description: data.category.description,
    alternates: { canonical: categoryHref(slug) },
  }
}

export default async function CategoryPage({ params }: PageProps) {
  const { slug } = await params
  return <CategoryListing slug={slug} page={1} />
}
