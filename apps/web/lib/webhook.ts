import 'server-only'

import { decodeSignatureHeader, isValidSignature, SIGNATURE_HEADER_NAME } from '@sanity/webhook'

/** Webhook bodies are small projections; anything larger is not from our webhook. */
export const MAX_WEBHOOK_BYTES = 64 * 1024
/** Signatures older than this are refused, so a captured request cannot be replayed later. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000

export type WebhookVerdict = { ok: true; body: unknown } | { ok: false; status: 400 | 401 | 413; message: string }

/**
 * Verifies a Sanity webhook request. Fails closed: no secret configured, no signature, a wrong
 * or stale signature, an oversized or malformed body — each is refused before anything runs.
 */
export async function verifyWebhook(request: Request, secret: string | null, now = Date.now()): Promise<WebhookVerdict> {
  if (!secret) return { ok: false, status: 401, message: 'Revalidation is not configured (SANITY_REVALIDATE_SECRET is unset)' }
  const signature = request.headers.get(SIGNATURE_HEADER_NAME)
  if (!signature) return { ok: false, status: 401, message: 'Missing signature' }
  const declaredLength = Number(request.headers.get('content-length') ?? '0')
  if (declaredLength > MAX_WEBHOOK_BYTES) return { ok: false, status: 413, message: 'Body too large' }
  const text = await request.text()
  if (Buffer.byteLength(text) > MAX_WEBHOOK_BYTES) return { ok: false, status: 413, message: 'Body too large' }

  let timestamp: number
  try {
    timestamp = decodeSignatureHeader(signature).timestamp
  } catch {
    return { ok: false, status: 401, message: 'Malformed signature' }
  }
  let valid = false
  try {
    valid = await isValidSignature(text, signature, secret)
  } catch {
    valid = false
  }
  if (!valid) return { ok: false, status: 401, message: 'Invalid signature' }
  if (Math.abs(now - timestamp) > MAX_SIGNATURE_AGE_MS) return { ok: false, status: 401, message: 'Stale signature' }

  try {
    return { ok: true, body: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, status: 400, message: 'Body is not JSON' }
  }
}
