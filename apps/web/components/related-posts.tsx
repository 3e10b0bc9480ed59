import type { PostCard } from '@journal/content'

import { PostGrid } from './post-grid'

export function RelatedPosts({ posts, edit }: { posts: PostCard[]; edit?: (post: PostCard) => string | undefined }) {
  if (posts.length === 0) return null
  return (
    <section className="related" aria-labelledby="related-title">
      <h2 id="related-title" className="section-title">
        Related articles
      </h2>
      <PostGrid posts={posts} headingLevel="h3" edit={edit} />
    </section>
  )
}
