import { authorHref, pageCount } from '@journal/content'
import { notFound } from 'next/navigation'

import { getAuthorPage } from '../lib/content'
import { Pagination } from './pagination'
import { PostGrid } from './post-grid'
import { ArticleBody } from './portable-text/article-body'
import { SanityImage } from './sanity-image'
import { SocialPrompt } from './social-prompt'

export function authorPageHref(slug: string, page: number): string {
  return page <= 1 ? authorHref(slug) : `${authorHref(slug)}/page/${page}`
}

export async function AuthorListing({ slug, page }: { slug: string; page: number }) {
  const data = await getAuthorPage(slug, page)
  if (!data) notFound()
  const pages = pageCount(data.total)
  if (page > pages) notFound()
  const { author } = data
  return (
    <section className="listing">
      <header className="listing__header author-header">
        {author.image ? (
          <SanityImage image={author.image} fixedWidth={96} aspect={1} className="author-header__image" priority />
        ) : null}
        <div>
          <p className="listing__eyebrow">{author.role ?? 'Author'}</p>
          <h1 className="listing__title">{author.name}</h1>
          {author.bio.length > 0 ? (
            <div className="listing__intro prose">
              <ArticleBody blocks={author.bio} />
            </div>
          ) : null}
          <SocialPrompt prompt={null} links={author.socialLinks} />
        </div>
      </header>
      <h2 className="section-title">Articles by {author.name}</h2>
      {data.posts.length > 0 ? <PostGrid posts={data.posts} headingLevel="h3" /> : <p>No articles yet.</p>}
      <Pagination page={page} pageCount={pages} href={(n) => authorPageHref(slug, n)} />
    </section>
  )
}
