import { ImageResponse } from 'next/og'
import { postOgQuery } from '@journal/content'

import { BrandMark, canvas, palette } from '@/lib/brand'
import { load } from '@/lib/content'
import { drawableText, titleFontSize } from '@/lib/og-text'

/*
 * The share card for a post without an editor-chosen SEO image: title, first category and the
 * brand on the site's calm palette (app/(site)/globals.css). Drawn with the font next/og bundles, so it
 * renders with no network; generateMetadata points og:image here or at the editor's image.
 *
 * A route handler rather than the opengraph-image.tsx convention: inside a route group Next
 * appends a hash to that convention's URL (/blog/<slug>/opengraph-image-fx5gi7), and lib/seo.ts
 * builds the card's URL itself, with a version parameter.
 */

const SIZE = { width: 1200, height: 630 }
export const revalidate = 3600

/** Rendered on a card's first request, then cached like the article page; none at build. */
export function generateStaticParams(): Array<{ slug: string }> {
  return []
}

interface RouteContext {
  params: Promise<{ slug: string }>
}

export async function GET(_request: Request, { params }: RouteContext): Promise<Response> {
  const { slug } = await params
  const card = await load(postOgQuery, { slug })
  if (!card) return new Response('Not found', { status: 404 })
  const brand = drawableText(card.siteTitle, 60)
  const title = drawableText(card.title, 120) || brand
  const category = card.category ? drawableText(card.category, 40) : ''

  return new ImageResponse(
    <div
      style={{
        ...canvas,
        flexDirection: 'column',
        justifyContent: 'space-between',
        position: 'relative',
        padding: '72px 80px',
        background: palette.bg,
        color: palette.ink,
      }}
    >
      <div
        style={{
          position: 'absolute',
          right: -150,
          top: -150,
          width: 560,
          height: 560,
          borderRadius: 9999,
          border: `3px solid ${palette.accentSoft}`,
        }}
      />
      <div
        style={{
          position: 'absolute',
          right: -30,
          top: -30,
          width: 320,
          height: 320,
          borderRadius: 9999,
          border: `3px solid ${palette.accentSoft}`,
        }}
      />
      <div style={{ display: 'flex', alignItems: 'center', gap: 20 }}>
        <BrandMark diameter={52} stroke={5} dot={14} color={palette.accent} />
        <div style={{ fontSize: 32, color: palette.inkSoft }}>{brand}</div>
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 28, maxWidth: 1000 }}>
        {category ? (
          <div style={{ fontSize: 26, letterSpacing: 4, textTransform: 'uppercase', color: palette.accent }}>{category}</div>
        ) : null}
        <div style={{ fontSize: titleFontSize(title), lineHeight: 1.12, letterSpacing: -1 }}>{title}</div>
      </div>
      <div style={{ width: 120, height: 6, borderRadius: 3, background: palette.accent }} />
    </div>,
    SIZE,
  )
}
