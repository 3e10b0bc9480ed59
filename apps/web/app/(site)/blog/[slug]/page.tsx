import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import {
  authorHref,
  categoryHref,
  formatPublishedDate,
  formatReadingTime,
  formatScheduledTime,
  postHref,
  postPageQuery,
  postRedirectQuery,
  postSlugsQuery,
} from '@journal/content'

import { BookingCta } from '@/components/booking-cta'
import { JsonLd } from '@/components/json-ld'
import { ArticleBody } from '@/components/portable-text/article-body'
import { PostNav } from '@/components/post-nav'
import { RelatedPosts } from '@/components/related-posts'
import { SanityImage } from '@/components/sanity-image'
import { SocialPrompt } from '@/components/social-prompt'
import { TableOfContents } from '@/components/table-of-contents'
import { getContentClock, load } from '@/lib/content'
import { articleStructuredData, postMetadata } from '@/lib/seo'
import { editProps } from '@/lib/edit-props'
import { editAttributes } from '@/lib/visual-editing'

/** How many of the newest posts are prerendered at build; the rest render on first request. */
const PRERENDER_COUNT = 50

export const dynamicParams = true

export async function generateStaticParams() {
  const slugs = await load(postSlugsQuery, { limit: PRERENDER_COUNT })
  return slugs.map((slug) => ({ slug }))
}

interface PageProps {
  params: Promise<{ slug: string }>
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { slug } = await params
  const page = await load(postPageQuery, { slug })
  if (!page) return {}
  return postMetadata(page)
}

export default async function PostPage({ params }: PageProps) {
  const { slug } = await params
  const page = await load(postPageQuery, { slug })
  if (!page) {
    const current = await load(postRedirectQuery, { slug })
    if (current) permanentRedirect(postHref(current))
    notFound()
  }
  const { post, settings } = page
  // Only draft mode serves a post before its publication time (see getContentClock).
  const { now } = await getContentClock()
  const scheduled = Date.parse(post.publishedAt) > now.getTime()
  // Click-to-edit for the Studio's Presentation tool: nothing outside draft mode.
  const edit = await editAttributes()
  const self = { id: post.id, type: 'post' }
  return (
    <article className="article">
      {scheduled ? (
        <div className="preview-banner preview-banner--scheduled" role="note">
          <p>
            <strong>Scheduled</strong> for {formatScheduledTime(post.publishedAt)}: not on the live site until then.
          </p>
        </div>
      ) : null}
      <JsonLd data={articleStructuredData(page)} />
      <header className="article__header">
        {post.categories.length > 0 ? (
          <ul className="article__categories" aria-label="Categories">
            {post.categories.map((category) => (
              <li key={category.id}>
                <a href={categoryHref(category.slug)} className="chip">
                  {category.title}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        <h1 className="article__title" {...editProps(edit?.(self, 'title'))}>
          {post.title}
        </h1>
        {post.excerpt ? (
          <p className="article__standfirst" {...editProps(edit?.(self, 'excerpt'))}>
            {post.excerpt}
          </p>
        ) : null}
        <p className="article__meta">
          {post.author ? (
            <>
              <span {...editProps(post.author.id ? edit?.({ id: post.author.id, type: 'author' }, 'name') : undefined)}>
                By <a href={authorHref(post.author.slug)}>{post.author.name}</a>
              </span>
              <span aria-hidden="true"> · </span>
            </>
          ) : null}
          <time dateTime={post.publishedAt}>{formatPublishedDate(post.publishedAt)}</time>
          <span aria-hidden="true"> · </span>
          <span>{formatReadingTime(post.readingMinutes)}</span>
        </p>
        {post.reviewedBy ? (
          <p className="article__reviewed">
            Reviewed by <a href={authorHref(post.reviewedBy.slug)}>{post.reviewedBy.name}</a>
            {post.reviewedBy.role ? `, ${post.reviewedBy.role}` : null}
          </p>
        ) : null}
      </header>
      {post.mainImage ? (
        <figure className="article__hero" {...editProps(edit?.(self, 'mainImage'))}>
          <SanityImage image={post.mainImage} sizes="(min-width: 68rem) 65.5rem, (min-width: 30rem) 95vw, 90vw" aspect={16 / 9} priority />
          {post.mainImage.caption ? <figcaption>{post.mainImage.caption}</figcaption> : null}
        </figure>
      ) : null}
      <div className="article__content">
        <TableOfContents headings={post.headings} />
        <div className="prose">
          <ArticleBody blocks={post.body} edit={edit ? (key) => edit(self, `body[_key=="${key}"]`) : undefined} />
        </div>
        {post.cta ? (
          <BookingCta cta={post.cta} placement="closing" dataSanity={edit?.({ id: post.cta.id, type: 'cta' }, 'headline')} />
        ) : null}
        <SocialPrompt prompt={settings.socialPrompt} links={settings.socialLinks} />
      </div>
      <footer className="article__footer">
        <RelatedPosts posts={post.relatedPosts} edit={edit ? (card) => edit({ id: card.id, type: 'post' }, 'title') : undefined} />
        <PostNav previous={post.previous} next={post.next} />
      </footer>
    </article>
  )
}
