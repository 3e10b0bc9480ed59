import { formatReadingTime, type PostCard } from '@journal/content'

import { SanityImage } from '@/components/sanity-image'

/** An inline "Read more" card for a related article placed inside the body. */
export function ReadMoreCard({ post }: { post: PostCard }) {
  return (
    <aside className="read-more" aria-label="Read more">
      <a className="read-more__link" href={post.href}>
        {post.mainImage ? (
          <SanityImage image={{ ...post.mainImage, alt: '' }} fixedWidth={88} aspect={1} className="read-more__image" />
        ) : null}
        <span className="read-more__text">
          <span className="read-more__label">Read more</span>
          <span className="read-more__title">{post.title}</span>
          <span className="read-more__meta">{formatReadingTime(post.readingMinutes)}</span>
        </span>
      </a>
    </aside>
  )
}
