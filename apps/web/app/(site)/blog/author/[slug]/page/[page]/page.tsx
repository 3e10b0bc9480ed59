import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'

import { AuthorListing, authorPageHref } from '../../../../../../../components/author-listing'
import { getAuthorPage, getSettings } from '../../../../../../../lib/content'
import { parsePageParam } from '../../../../../../../lib/page-param'
import { authorDescription, listingMetadata } from '../../../../../../../lib/seo'

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
  const [data, settings] = await Promise.all([getAuthorPage(slug, number), getSettings()])
  if (!data) return {}
  return listingMetadata({
    settings,
    path: authorPageHref(data.author.slug, number),
    title: `${data.author.name} — page ${number}`,
    description: authorDescription(data.author),
  })
}

export default async function AuthorPagedPage({ params }: PageProps) {
  const { slug, page } = await params
  const number = parsePageParam(page)
  if (number === null) notFound()
  if (number === 1) permanentRedirect(authorPageHref(slug, 1))
  return <AuthorListing slug={slug} page={number} />
}
