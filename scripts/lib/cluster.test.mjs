import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { nginxConfig } from './cluster.mjs'
import { NGINX_EXAMPLE_FILE, nginxExample } from './nginx-example.mjs'

const dir = mkdtempSync(path.join(tmpdir(), 'journal-nginx-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const nginx = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx'

describe('the nginx configuration', () => {
  it('deploy/nginx.conf is what the cluster runs (rewrite it with node scripts/lib/nginx-example.mjs)', () => {
    expect(readFileSync(NGINX_EXAMPLE_FILE, 'utf8')).toBe(nginxExample())
  })

  it("is valid for Debian's nginx (nginx -t)", () => {
    const config = path.join(dir, 'nginx.conf')
    writeFileSync(config, nginxConfig({ port: 3999, upstreams: ['127.0.0.1:4001', '127.0.0.1:4002'], dir, staticRoot: dir }))
    const result = spawnSync(nginx, ['-t', '-p', dir, '-e', path.join(dir, 'error.log'), '-c', config], { encoding: 'utf8' })
    expect(result.error, `${nginx} not found: install Debian's nginx`).toBeUndefined()
    expect(result.status, result.stderr).toBe(0)
  })

  it('never stores private, RSC, draft-mode or stale answers, and keeps pages only briefly', () => {
    const config = nginxExample()
    expect(config).toMatch(/proxy_no_cache \$journal_skip \$journal_private \$journal_stale;/)
    expect(config).toMatch(/proxy_cache_bypass \$journal_skip;/)
    expect(config).toMatch(/\$http_rsc[^\n]*\$cookie___prerender_bypass" \$journal_skip/)
    expect(config).toMatch(/proxy_cache_valid 200 301 308 1s;/)
    expect(config).not.toMatch(/proxy_cache_valid[^;]*\b(404|500|any)\b/)
    // /api/ has no proxy_cache of its own.
    expect(/location \/api\/ \{([^}]*)\}/.exec(config)?.[1]).not.toMatch(/proxy_cache/)
  })
})
