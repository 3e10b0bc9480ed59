import type { PostCard as PostCardData } from '@journal/content'

import { PostCard } from './post-card'

export function PostGrid({ posts, headingLevel = 'h2' }: { posts: PostCardData[]; headingLevel?: 'h2' | 'h3' }) {
  return (
    <ul className="post-grid">
      {posts.map((post, index) => (
        <li key={post.id}>
          <PostCard post={post} headingLevel={headingLevel} priority={index < 2} />
        </li>
      ))}
    </ul>
  )
}
