import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { HttpError } from './respond.js'

export type Access = 'anonymous' | 'token'

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}

/**
 * Who is asking: no Authorization header is an anonymous reader; a bearer token must equal the
 * configured one (compared in constant time over fixed-length digests), or the request is
 * refused outright, as Sanity refuses an unknown token even for public reads.
 */
export function accessOf(request: IncomingMessage, configuredToken: string | undefined): Access {
  const header = request.headers.authorization
  if (header === undefined || header === '') return 'anonymous'
  const match = /^Bearer\s+(.+)$/i.exec(header.trim())
  if (!match?.[1]) throw new HttpError(401, 'Unauthorized - the Authorization header must be "Bearer <token>"')
  if (configuredToken === undefined || configuredToken === '') {
    throw new HttpError(401, 'Unauthorized - this lake has no token configured (start it with LOCAL_LAKE_TOKEN set)')
  }
  if (!timingSafeEqual(digest(match[1]), digest(configuredToken))) {
    throw new HttpError(401, 'Unauthorized - the token does not match the lake token (LOCAL_LAKE_TOKEN)')
  }
  return 'token'
}

export function requireToken(access: Access, what: string): void {
  if (access !== 'token') throw new HttpError(401, `Unauthorized - ${what} needs a token (Authorization: Bearer <LOCAL_LAKE_TOKEN>)`)
}
