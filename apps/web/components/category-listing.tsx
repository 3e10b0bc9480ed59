import { categoryHref, pageCount } from '@journal/content'
import { notFound } from 'next/navigation'

import { getCategoryPage } from '../lib/content'
import { Pagination } from './pagination'
import { PostGrid } from './post-grid'

export function categoryPageHref(slug: string, page: number): string {
  return page <= 1 ? categoryHref(slug) : `${categoryHref(slug)}/page/${page}`
}

export async function CategoryListing({ slug, page }: { slug: string; page: number }) {
  const data = await getCategoryPage(slug, page)
  if (!data) notFound()
  const pages = pageCount(data.total)
  if (page > pages) notFound()
  return (
    <section className="listing">
      <header className="listing__header">
        <p className="listing__eyebrow">Category</p>
        <h1 className="listing__title">{data.category.title}</h1>
        {data.category.description ? <p className="listing__intro">{data.category.description}</p> : null}
      </header>
      {data.posts.length > 0 ? <PostGrid posts={data.posts} eagerImages={2} /> : <p>No articles in this category yet.</p>}
      <Pagination page={page} pageCount={pages} href={(n) => categoryPageHref(slug, n)} />
    </section>
  )
}
