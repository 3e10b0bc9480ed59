import type { PostList } from '@journal/content'

import { Pagination } from '@/components/pagination'
import { PostGrid } from '@/components/post-grid'
import type { ListingPage } from '@/lib/listing-route'

/** The blog index, page 1 at /blog and page n at /blog/page/n. */
export function PostIndex({ data, page, pages, href }: ListingPage<PostList>) {
  return (
    <section className="listing">
      <header className="listing__header">
        <h1 className="listing__title">{page === 1 ? 'The Journal' : `The Journal — page ${page}`}</h1>
        <p className="listing__intro">Recovery, rest and the science of touch, from the Still Point studio.</p>
      </header>
      {data.posts.length > 0 ? <PostGrid posts={data.posts} eagerImages={2} /> : <p>No articles yet.</p>}
      <Pagination page={page} pageCount={pages} href={href} />
    </section>
  )
}
