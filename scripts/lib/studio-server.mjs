// Serves the built Studio (studio/dist) for npm start and the end-to-end tests: its files, the
// page for every other path (the Studio routes in the browser), and /local-lake.json, which tells
// the Studio where the lake it edits is, so one build works whatever port the lake has.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import path from 'node:path'

import { ROOT } from './processes.mjs'

export const STUDIO_DIST = path.join(ROOT, 'studio/dist')

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

// Only names this machine resolves to itself: another site's page cannot reach the Studio by
// pointing its own host name at 127.0.0.1 (DNS rebinding).
const LOOPBACK_HOST = /^(localhost|[a-z0-9-]+\.localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i

/** The file under `root` a URL path names, or null when the path leaves it. */
function fileFor(root, pathname) {
  let decoded
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  const file = path.join(root, path.normalize(decoded))
  return file.startsWith(root + path.sep) ? file : null
}

/**
 * Starts the server on 127.0.0.1:`port`. `config` is what /local-lake.json answers (the lake's
 * URL), or null in hosted mode. Resolves with { url, close() }.
 */
export async function startStudioServer({ port, root = STUDIO_DIST, config = null, host = '127.0.0.1' }) {
  const index = path.join(root, 'index.html')
  if (!(await stat(index).catch(() => null))?.isFile()) {
    throw new Error(`${index} not found: build the Studio first (npm run build)`)
  }
  const server = createServer(async (request, response) => {
    const send = (status, type, body) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
      response.end(request.method === 'HEAD' ? undefined : body)
    }
    if (!LOOPBACK_HOST.test(request.headers.host ?? ''))
      return send(403, 'text/plain; charset=utf-8', 'This Studio answers loopback host names only\n')
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'text/plain; charset=utf-8', 'Method not allowed\n')
    const { pathname } = new URL(request.url ?? '/', 'http://studio.invalid')
    if (pathname === '/local-lake.json') {
      return config
        ? send(200, TYPES['.json'], JSON.stringify(config))
        : send(404, TYPES['.json'], '{"error":"hosted mode: no local lake"}')
    }
    const file = fileFor(root, pathname)
    if (file === null) return send(400, 'text/plain; charset=utf-8', 'Bad path\n')
    const info = await stat(file).catch(() => null)
    const found = info?.isFile() ? file : null
    // A path with an extension names a file; anything else is a Studio route, answered with the page.
    if (!found && path.extname(pathname) !== '') return send(404, 'text/plain; charset=utf-8', 'Not found\n')
    const served = found ?? index
    const size = found ? info.size : (await stat(index)).size
    response.writeHead(200, {
      'content-type': TYPES[path.extname(served)] ?? 'application/octet-stream',
      'content-length': String(size),
      // Bundles under static/ have content hashes in their names; the page must always be fresh.
      'cache-control': served !== index && pathname.startsWith('/static/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
    })
    if (request.method === 'HEAD') return response.end()
    createReadStream(served).pipe(response)
  })
  await new Promise((resolve, reject) => {
    server.once('error', (error) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is already in use. Set SANITY_STUDIO_PORT to a free port.`) : error),
    )
    server.listen(port, host, resolve)
  })
  return {
    url: `http://${host}:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
