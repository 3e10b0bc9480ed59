import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // The content package ships TypeScript source; Next compiles it with the app.
  transpilePackages: ['@journal/content'],
  poweredByHeader: false,
  experimental: {
    // app/global-not-found.tsx: with two root layouts ((site) and (baseline)) no layout can wrap
    // the 404 for URLs that match no route.
    globalNotFound: true,
  },
  reactStrictMode: true,
  images: {
    // Sanity's image CDN (or the local lake that mimics it) resizes; next/image only picks widths.
    loader: 'custom',
    loaderFile: './lib/sanity/image-loader.ts',
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
