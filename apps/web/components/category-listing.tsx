import type { Category, PostList } from '@journal/content'

import { Pagination } from '@/components/pagination'
import { PostGrid } from '@/components/post-grid'
import type { ListingPage } from '@/lib/listing-route'

export function CategoryListing({ data, page, pages, href }: ListingPage<PostList & { category: Category }>) {
  return (
    <section className="listing">
      <header className="listing__header">
        <p className="listing__eyebrow">Category</p>
        <h1 className="listing__title">{data.category.title}</h1>
        {data.category.description ? <p className="listing__intro">{data.category.description}</p> : null}
      </header>
      {data.posts.length > 0 ? <PostGrid posts={data.posts} eagerImages={2} /> : <p>No articles in this category yet.</p>}
      <Pagination page={page} pageCount={pages} href={href} />
    </section>
  )
}
