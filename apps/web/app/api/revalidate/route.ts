import { revalidateTag } from 'next/cache'
import { NextResponse } from 'next/server'
import { parseChangedDocument, tagsForChange } from '@journal/content'

import { revalidateSecret, serverEnv } from '../../../lib/env'
import { verifyWebhook } from '../../../lib/webhook'

/**
 * Sanity's GROQ-powered webhook (or the local lake's) lands here on every publish, update and
 * delete. It expires the cache tags of every page that shows the changed document; the next
 * visit renders fresh content.
 */
export async function POST(request: Request) {
  const verdict = await verifyWebhook(request, revalidateSecret())
  if (!verdict.ok) return NextResponse.json({ message: verdict.message }, { status: verdict.status })

  const change = parseChangedDocument(verdict.body)
  if (!change) return NextResponse.json({ message: 'Body must include _id and _type' }, { status: 400 })

  // Sanity's API CDN can lag a moment behind a publish; the local lake cannot.
  if (serverEnv().source.mode === 'hosted') await new Promise((resolve) => setTimeout(resolve, 3000))

  const tags = tagsForChange(change)
  // expire: 0 — the next request renders fresh content instead of one more stale response.
  for (const tag of tags) revalidateTag(tag, { expire: 0 })
  console.log(`[revalidate] ${change._type} ${change._id}: ${tags.join(', ') || 'nothing to expire'}`)
  return NextResponse.json({ revalidated: tags, now: Date.now() })
}
