import { formatPublishedDate, formatReadingTime, type PostCard as PostCardData } from '@journal/content'

import { SanityImage } from './sanity-image'

interface PostCardProps {
  post: PostCardData
  headingLevel?: 'h2' | 'h3'
  priority?: boolean
}

export function PostCard({ post, headingLevel = 'h2', priority = false }: PostCardProps) {
  const Heading = headingLevel
  return (
    <article className="post-card">
      {post.mainImage ? (
        <SanityImage
          image={{ ...post.mainImage, alt: '' }}
          sizes="(min-width: 68rem) 21rem, (min-width: 40rem) 45vw, 90vw"
          widestDrawn={576}
          aspect={3 / 2}
          priority={priority}
          className="post-card__image"
        />
      ) : null}
      <div className="post-card__body">
        {post.categories[0] ? <p className="post-card__category">{post.categories[0].title}</p> : null}
        <Heading className="post-card__title">
          <a href={post.href} className="post-card__link">
            {post.title}
          </a>
        </Heading>
        {post.excerpt ? <p className="post-card__excerpt">{post.excerpt}</p> : null}
        <p className="post-card__meta">
          <time dateTime={post.publishedAt}>{formatPublishedDate(post.publishedAt)}</time>
          <span aria-hidden="true"> · </span>
          <span>{formatReadingTime(post.readingMinutes)}</span>
        </p>
      </div>
    </article>
  )
}
