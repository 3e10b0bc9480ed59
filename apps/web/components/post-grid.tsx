import type { PostCard as PostCardData } from '@journal/content'

import { PostCard } from './post-card'

interface PostGridProps {
  posts: PostCardData[]
  headingLevel?: 'h2' | 'h3'
  /** how many of the first cards' images load eagerly at high priority: those above the fold */
  eagerImages?: number
}

export function PostGrid({ posts, headingLevel = 'h2', eagerImages = 0 }: PostGridProps) {
  return (
    <ul className="post-grid">
      {posts.map((post, index) => (
        <li key={post.id}>
          <PostCard post={post} headingLevel={headingLevel} priority={index < eagerImages} />
        </li>
      ))}
    </ul>
  )
}
