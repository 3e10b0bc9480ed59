import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import type { ReactNode } from 'react'
import { pageCount, settingsQuery, type PostList } from '@journal/content'

import { load } from '@/lib/content'
import { parsePageParam } from '@/lib/page-param'
import { listingMetadata } from '@/lib/seo'

/** One page of a listing, as its view draws it. */
export interface ListingPage<Data extends PostList> {
  data: Data
  page: number
  pages: number
  /** The address of page `n` of this listing. */
  href: (n: number) => string
}

/** A paginated list of posts: the blog index, a category's page, an author's page. */
export interface Listing<Data extends PostList> {
  /** Page `page` of the listing at `slug` ('' for the blog index), or null when there is no such listing. */
  load: (slug: string, page: number) => Promise<Data | null>
  /** The address of page `page` (page 1 is the listing's own address). */
  href: (slug: string, page: number) => string
  /** The listing's slug as its document has it: the canonical address in its metadata. */
  slug: (data: Data) => string
  /** The listing's name; later pages are titled "<name> — page <n>". */
  name: (data: Data) => string
  description: (data: Data) => string | null
  view: (page: ListingPage<Data>) => ReactNode
}

interface Params {
  params: Promise<{ slug?: string; page?: string }>
}

/**
 * The two routes of a listing, `/<listing>` and `/<listing>/page/<n>`, from one definition: the
 * route loads its page once (metadata and page share the load), answers 404 for a listing that
 * does not exist or a page past its last, and sends `/page/1` to the listing's own address.
 */
export function listingRoutes<Data extends PostList>(listing: Listing<Data>) {
  async function find(slug: string, page: number): Promise<ListingPage<Data> | null> {
    const data = await listing.load(slug, page)
    if (!data) return null
    const pages = pageCount(data.total)
    if (page > pages || (page > 1 && data.posts.length === 0)) return null
    return { data, page, pages, href: (n) => listing.href(slug, n) }
  }

  async function metadata(slug: string, page: number): Promise<Metadata> {
    const [found, settings] = await Promise.all([find(slug, page), load(settingsQuery, undefined)])
    if (!found) return {}
    return listingMetadata({
      settings,
      path: listing.href(listing.slug(found.data), page),
      title: page === 1 ? listing.name(found.data) : `${listing.name(found.data)} — page ${page}`,
      description: listing.description(found.data),
    })
  }

  async function render(slug: string, page: number): Promise<ReactNode> {
    const found = await find(slug, page)
    if (!found) notFound()
    return listing.view(found)
  }

  /** The page number in `/page/<n>`: 404 for anything but a canonical whole number, page 1 moved. */
  function pageNumber(slug: string, value: string | undefined): number {
    const page = parsePageParam(value ?? '')
    if (page === null) notFound()
    if (page === 1) permanentRedirect(listing.href(slug, 1))
    return page
  }

  return {
    first: {
      generateMetadata: async ({ params }: Params) => metadata((await params).slug ?? '', 1),
      Page: async ({ params }: Params) => render((await params).slug ?? '', 1),
    },
    paged: {
      generateMetadata: async ({ params }: Params) => {
        const { slug = '', page } = await params
        const number = parsePageParam(page ?? '')
        return number ? metadata(slug, number) : {}
      },
      Page: async ({ params }: Params) => {
        const { slug = '', page } = await params
        return render(slug, pageNumber(slug, page))
      },
    },
  }
}
