import type { PostCard as PostCardData } from '@journal/content'

import { editProps } from '@/lib/edit-props'
import { PostCard } from './post-card'

interface PostGridProps {
  posts: PostCardData[]
  headingLevel?: 'h2' | 'h3'
  /** how many of the first cards' images load eagerly at high priority: those above the fold */
  eagerImages?: number
  /** click-to-edit in draft mode: a card's `data-sanity` value (lib/visual-editing.ts) */
  edit?: (post: PostCardData) => string | undefined
}

export function PostGrid({ posts, headingLevel = 'h2', eagerImages = 0, edit }: PostGridProps) {
  return (
    <ul className="post-grid">
      {posts.map((post, index) => (
        <li key={post.id} {...editProps(edit?.(post))}>
          <PostCard post={post} headingLevel={headingLevel} priority={index < eagerImages} />
        </li>
      ))}
    </ul>
  )
}
