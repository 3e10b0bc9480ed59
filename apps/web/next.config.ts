import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // The content package ships TypeScript source; Next compiles it with the app.
  transpilePackages: ['@journal/content'],
  poweredByHeader: false,
  experimental: {
    // app/global-not-found.tsx: with two root layouts ((site) and (baseline)) no layout can wrap
    // the 404 for URLs that match no route.
    globalNotFound: true,
    // The stylesheet is small (about 4 kB gzip) and most readers arrive on one article from a
    // search or a share: inline it instead of making the first paint wait for another request.
    inlineCss: true,
  },
  reactStrictMode: true,
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
