import { blogIndexHref, pageCount } from '@journal/content'
import { notFound } from 'next/navigation'

import { getPostIndex } from '../lib/content'
import { Pagination } from './pagination'
import { PostGrid } from './post-grid'

/** The blog index, page 1 at /blog and page n at /blog/page/n. */
export async function PostIndex({ page }: { page: number }) {
  const list = await getPostIndex(page)
  const pages = pageCount(list.total)
  if (page > pages || (page > 1 && list.posts.length === 0)) notFound()
  return (
    <section className="listing">
      <header className="listing__header">
        <h1 className="listing__title">{page === 1 ? 'The Journal' : `The Journal — page ${page}`}</h1>
        <p className="listing__intro">Recovery, rest and the science of touch, from the Still Point studio.</p>
      </header>
      {list.posts.length > 0 ? <PostGrid posts={list.posts} eagerImages={2} /> : <p>No articles yet.</p>}
      <Pagination page={page} pageCount={pages} href={blogIndexHref} />
    </section>
  )
}
