import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * The Studio's page for embedded mode, where nothing may leave the machine. Sanity's CLI writes
 * index.html with three things that reach sanity.io: the dashboard bridge script
 * (core.sanity-cdn.com, added after the document is rendered, so a custom _document cannot drop
 * it), the Inter web fonts (studio-static.sanity.io), and nothing stopping the bundle's own calls
 * to sanity.io (a version check on sanity-cdn.com and a feedback probe on api.sanity.io, which no
 * setting switches off). This Vite plugin, for `sanity build` and `sanity dev`, removes the
 * script, serves the same Inter files from the Studio itself (the inter-ui package ships them
 * under the same names), and adds a Content-Security-Policy that allows loopback addresses only,
 * so the two calls fail in the browser before any request is made. The hosted Studio is untouched.
 */

const BRIDGE_SCRIPT = /<script\b[^>]*\bsrc="https:\/\/core\.sanity-cdn\.(?:com|work)\/bridge\.js"[^>]*><\/script>\s*/g
const FONT_URL = /https:\/\/studio-static\.sanity\.io\/(Inter-[A-Za-z]+\.woff2)/g
const FONT_PATH = '/static/fonts/'

const LOOPBACK = ['http://127.0.0.1:*', 'http://localhost:*']

/** Loopback only: the lake (on any of its ports), the Studio itself, and the site Presentation frames. */
export const OFFLINE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // The document's own inline error handler, and Vite's in development.
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: ${LOOPBACK.join(' ')}`,
  "font-src 'self' data:",
  `connect-src 'self' ${LOOPBACK.join(' ')} ${LOOPBACK.map((origin) => origin.replace('http:', 'ws:')).join(' ')}`,
  `frame-src 'self' ${LOOPBACK.join(' ')}`,
  `media-src 'self' blob: ${LOOPBACK.join(' ')}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ')

/** index.html with the remote script gone, the fonts local, and the policy first in <head>. */
export function offlineIndexHtml(html: string): string {
  const local = html.replace(BRIDGE_SCRIPT, '').replace(FONT_URL, (_match, file: string) => `${FONT_PATH}${file}`)
  const policy = `<meta http-equiv="Content-Security-Policy" content="${OFFLINE_CONTENT_SECURITY_POLICY}"/>`
  return local.replace(/<head>/i, `<head>${policy}`)
}

function fontDirectory(): string {
  const require = createRequire(join(process.cwd(), 'package.json'))
  return join(dirname(require.resolve('inter-ui/package.json')), 'web')
}

function fontsUsed(html: string): string[] {
  return [...new Set([...html.matchAll(FONT_URL)].map((match) => match[1] ?? ''))].filter((file) => file !== '')
}

interface EmittedAsset {
  type: 'asset'
  source: string | Uint8Array
}

/** The plugin (typed structurally: Sanity's CLI brings its own Vite). */
export function offlineStudioPage() {
  return {
    name: 'journal:offline-studio-page',
    enforce: 'post' as const,
    // sanity dev: the page goes through Vite's HTML pipeline, and the fonts come from inter-ui.
    transformIndexHtml(html: string): string {
      return offlineIndexHtml(html)
    },
    configureServer(server: {
      middlewares: {
        use: (
          path: string,
          handler: (
            request: { url?: string },
            response: { setHeader: (name: string, value: string) => void; end: (body: Buffer | string) => void },
            next: () => void,
          ) => void,
        ) => void
      }
    }) {
      // Where the lake is, as Journal's Studio server answers it for built Studios (auth-store.ts).
      server.middlewares.use('/local-lake.json', (_request, response) => {
        response.setHeader('content-type', 'application/json')
        response.setHeader('cache-control', 'no-store')
        response.end(
          JSON.stringify({
            url: process.env.SANITY_STUDIO_LOCAL_LAKE_URL || 'http://127.0.0.1:3030',
            ...(process.env.SANITY_STUDIO_PREVIEW_URL ? { previewUrl: process.env.SANITY_STUDIO_PREVIEW_URL } : {}),
          }),
        )
      })
      server.middlewares.use(FONT_PATH, (request, response, next) => {
        const file = (request.url ?? '').replace(/^\//, '').split('?')[0] ?? ''
        if (!/^Inter-[A-Za-z]+\.woff2$/.test(file)) return next()
        response.setHeader('content-type', 'font/woff2')
        response.end(readFileSync(join(fontDirectory(), file)))
      })
    },
    // sanity build: index.html is emitted as an asset after rendering, so it is edited here,
    // and the fonts it names are emitted beside the bundle.
    generateBundle(
      this: { emitFile: (file: { type: 'asset'; fileName: string; source: Uint8Array }) => void },
      _options: unknown,
      bundle: Record<string, EmittedAsset | { type: 'chunk' }>,
    ) {
      const page = bundle['index.html']
      if (!page || page.type !== 'asset' || typeof page.source !== 'string') {
        throw new Error(
          'journal:offline-studio-page: sanity build emitted no index.html asset; the Studio page can no longer be made offline',
        )
      }
      for (const file of fontsUsed(page.source)) {
        this.emitFile({ type: 'asset', fileName: `static/fonts/${file}`, source: readFileSync(join(fontDirectory(), file)) })
      }
      page.source = offlineIndexHtml(page.source)
    },
  }
}
