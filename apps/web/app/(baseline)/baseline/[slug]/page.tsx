import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { plainText, postPageQuery, type BodyBlock } from '@journal/content'

import { load } from '@/lib/content'

/*
 * An article's words as plain HTML: the same data layer call as /blog/[slug], then only the
 * title and the text of the body — no images, no components, no CSS — so the difference between
 * the two pages in scripts/lighthouse.mjs is what our design and components cost.
 */

export const dynamicParams = true

export function generateStaticParams(): Array<{ slug: string }> {
  return [] // rendered on first request, then cached like an article page
}

interface PageProps {
  params: Promise<{ slug: string }>
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const page = await load(postPageQuery, { slug: (await params).slug })
  return page ? { title: `Baseline: ${page.post.title}` } : {}
}

function BlockText({ block }: { block: BodyBlock }) {
  switch (block._type) {
    case 'block': {
      const text = plainText(block)
      if (block.listItem) return <p>{text}</p>
      if (block.style === 'h2') return <h2>{text}</h2>
      if (block.style === 'h3') return <h3>{text}</h3>
      if (block.style === 'h4') return <h4>{text}</h4>
      return <p>{text}</p>
    }
    case 'pullQuote':
      return <p>{block.text}</p>
    default:
      return null
  }
}

export default async function BaselinePage({ params }: PageProps) {
  const page = await load(postPageQuery, { slug: (await params).slug })
  if (!page) notFound()
  const { post } = page
  return (
    <>
      <h1>{post.title}</h1>
      {post.excerpt ? <p>{post.excerpt}</p> : null}
      {post.body.map((block) => (
        <BlockText key={block._key} block={block} />
      ))}
    </>
  )
}
