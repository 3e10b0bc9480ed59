import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

/*
 * A bare page of a given size: paragraphs of plain text in the (baseline) root layout, about
 * `kb` kilobytes of HTML once Next adds the same text again in the RSC payload. npm run bench
 * serves the one closest in size to an article page next to it: the same build, server and
 * cache, so the difference in requests/s is what the article costs beyond its bytes.
 * Only multiples of 8 up to 256 exist, so at most 32 pages are ever cached.
 */

export const dynamicParams = true

export function generateStaticParams(): Array<{ kb: string }> {
  return [] // rendered on first request, then cached like an article page
}

export const metadata: Metadata = { title: 'Baseline: bare page' }

const STEP_KB = 8
const MAX_KB = 256
// Typographic punctuation, as in the articles: one character beyond ASCII changes how the
// server encodes and measures the whole page (V8 keeps such strings two bytes per character).
const SENTENCE = 'A quiet paragraph of plain text — it’s standing in for an article of the same size. '
// Each character is sent twice (HTML and RSC payload); the document and framework add about 12 KB.
const FRAMEWORK_BYTES = 12 * 1024

function parseKb(value: string): number | null {
  if (!/^\d{1,3}$/.test(value)) return null
  const kb = Number(value)
  return kb > 0 && kb <= MAX_KB && kb % STEP_KB === 0 ? kb : null
}

interface PageProps {
  params: Promise<{ kb: string }>
}

export default async function SizedBaselinePage({ params }: PageProps) {
  const kb = parseKb((await params).kb)
  if (kb === null) notFound()
  const characters = Math.max(0, (kb * 1024 - FRAMEWORK_BYTES) / 2)
  const paragraph = SENTENCE.repeat(8)
  const count = Math.max(1, Math.round(characters / paragraph.length))
  return (
    <>
      <h1>Bare page, {kb} KB</h1>
      {Array.from({ length: count }, (_, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </>
  )
}
