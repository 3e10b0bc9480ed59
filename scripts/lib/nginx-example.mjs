// The example nginx configuration committed as deploy/nginx.conf: nginxConfig() for two instances
// on ports 3001 and 3002 behind port 3000. `node scripts/lib/nginx-example.mjs` rewrites the file.
import { writeFileSync } from 'node:fs'
import path from 'node:path'

import { nginxConfig } from './cluster.mjs'
import { ROOT } from './processes.mjs'

export const NGINX_EXAMPLE_FILE = path.join(ROOT, 'deploy/nginx.conf')

export function nginxExample() {
  return nginxConfig({ port: 3000, upstreams: ['127.0.0.1:3001', '127.0.0.1:3002'], dir: '/var/cache/journal-nginx' })
}

if (import.meta.url === `file://${process.argv[1]}`) writeFileSync(NGINX_EXAMPLE_FILE, nginxExample())
