import type { Author, PostList } from '@journal/content'

import { Pagination } from '@/components/pagination'
import { ArticleBody } from '@/components/portable-text/article-body'
import { PostGrid } from '@/components/post-grid'
import { SanityImage } from '@/components/sanity-image'
import { SocialPrompt } from '@/components/social-prompt'
import type { ListingPage } from '@/lib/listing-route'

export function AuthorListing({ data, page, pages, href }: ListingPage<PostList & { author: Author }>) {
  const { author } = data
  return (
    <section className="listing">
      <header className="listing__header author-header">
        {author.image ? <SanityImage image={author.image} fixedWidth={96} aspect={1} className="author-header__image" priority /> : null}
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
      <Pagination page={page} pageCount={pages} href={href} />
    </section>
  )
}
