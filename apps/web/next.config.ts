import path from 'node:path'

import type { NextConfig } from 'next'

import { parseServerEnv } from './lib/env'
import { headerRules, securityContext } from './lib/security-headers'

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    // app/global-not-found.tsx: with two root layouts ((site) and (baseline)) no layout can wrap
    // the 404 for URLs that match no route.
    globalNotFound: true,
    // The stylesheet in the HTML instead of a render-blocking request: on a throttled phone the
    // first paint comes ~0.6 s sooner (devtools throttling, medians of 5: FCP 843 vs 1438 ms, LCP
    // 1301 vs 1449 ms; docs/performance.md). The cost is ~6.6 kB more gzip HTML per page (the
    // stylesheet also travels in the RSC payload) and no stylesheet cached across pages, which
    // suits a blog whose readers mostly arrive on one article from search or a share.
    inlineCss: true,
  },
  reactStrictMode: true,
  // Next's file-system ISR cache, adding each cached page's Content-Security-Policy (the hashes of
  // its inline scripts) to the entry; see cache-handler.mjs and lib/security-headers.ts.
  cacheHandler: path.join(__dirname, 'cache-handler.mjs'),
  // Several instances share one cache in Redis (REDIS_URL, shared-cache.mjs): no per-process copy
  // in memory that would keep serving an entry another instance has replaced.
  ...(process.env.REDIS_URL?.trim() ? { cacheMaxMemorySize: 0 } : {}),
  async headers() {
    return headerRules(securityContext(parseServerEnv(process.env)))
  },
  images: {
    // Sanity's image CDN (or the local lake that mimics it) resizes; next/image only picks widths.
    loader: 'custom',
    loaderFile: './lib/sanity/image-loader.ts',
    // Widths the srcsets offer. Sources are at most 2000 px wide (components/sanity-image.tsx) and
    // the widest image is drawn at 65.5rem, so 3840 never helps; every entry is a URL repeated
    // in the HTML and the RSC payload.
    deviceSizes: [640, 750, 828, 1080, 1280, 1600, 2048],
    imageSizes: [96, 128, 192, 256, 384],
  },
  async rewrites() {
    // app/sitemap.ts serves /sitemap/<n>.xml (split at 50,000 URLs); crawlers look for
    // /sitemap.xml first, so it answers with the sitemap index.
    return { beforeFiles: [{ source: '/sitemap.xml', destination: '/sitemap-index.xml' }], afterFiles: [], fallback: [] }
  },
  async redirects() {
    return [{ source: '/', destination: '/blog', permanent: false }]
  },
}

export default nextConfig
