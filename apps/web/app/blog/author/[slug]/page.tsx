import type { Metadata } from 'next'
import { authorHref } from '@journal/content'

import { AuthorListing } from '../../../../components/author-listing'
import { getAuthorPage, getAuthorSlugs } from '../../../../lib/content'

interface PageProps {
  params: Promise<{ slug: string }>
}

export async function generateStaticParams() {
  return (await getAuthorSlugs()).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { slug } = await params
  const data = await getAuthorPage(slug, 1)
  if (!data) return {}
  return {
    title: data.author.name,
    description: data.author.role,
    alternates: { canonical: authorHref(slug) },
  }
}

export default async function AuthorPage({ params }: PageProps) {
  const { slug } = await params
  return <AuthorListing slug={slug} page={1} />
}
