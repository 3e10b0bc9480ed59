import { authorHref, authorPageQuery, blogIndexHref, categoryHref, categoryPageQuery, postIndexQuery } from '@journal/content'

import { AuthorListing } from '@/components/author-listing'
import { CategoryListing } from '@/components/category-listing'
import { PostIndex } from '@/components/post-index'
import { load } from '@/lib/content'
import { listingRoutes } from '@/lib/listing-route'
import { authorDescription } from '@/lib/seo'

/** The blog index: page 1 at /blog, page n at /blog/page/n. */
export const blogIndex = listingRoutes({
  load: (_slug, page) => load(postIndexQuery, { page }),
  href: (_slug, page) => blogIndexHref(page),
  slug: () => '',
  name: () => 'Journal',
  description: () => null,
  view: (page) => <PostIndex {...page} />,
})

export const categoryListing = listingRoutes({
  load: (slug, page) => load(categoryPageQuery, { slug, page }),
  href: categoryHref,
  slug: (data) => data.category.slug,
  name: (data) => data.category.title,
  description: (data) => data.category.description,
  view: (page) => <CategoryListing {...page} />,
})

export const authorListing = listingRoutes({
  load: (slug, page) => load(authorPageQuery, { slug, page }),
  href: authorHref,
  slug: (data) => data.author.slug,
  name: (data) => data.author.name,
  description: (data) => authorDescription(data.author),
  view: (page) => <AuthorListing {...page} />,
})
