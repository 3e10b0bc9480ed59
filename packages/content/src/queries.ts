import { defineQuery } from 'groq'

/*
 * Every GROQ query the site runs. Each is wrapped in defineQuery so Sanity TypeGen names its
 * result type in sanity.types.ts. Projections name every field the site reads and nothing else,
 * so response sizes stay bounded however large the dataset grows.
 */

// A post is listed once it has a title, a slug and a publication date; Studio validation requires
// all three, but the filter keeps half-imported documents off the site. It also checks their
// types (GROQ has no type test: lower() is null for anything but a string, dateTime() for anything
// but an RFC 3339 timestamp), so malformed posts, which the parsers would drop from a page after
// the slice, can neither empty a page of the index nor inflate its count. A slug that names one of
// /blog's own routes (RESERVED_POST_SLUGS, spelled out here for TypeGen; hostile-content.test.ts checks
// the two agree) is not listed either.
//
// A post scheduled for later (publishedAt after $listedUntil; see moments.ts) is not listed or
// served until then: every query below that reads posts takes $listedUntil.
const listedPost = /* groq */ `_type == "post" && defined(lower(title)) && defined(lower(slug.current)) && !(slug.current in ["page", "category", "author", "feed", "feed.xml"]) && dateTime(publishedAt) <= dateTime($listedUntil)`

const imageFields = /* groq */ `
  _type,
  "assetId": asset._ref,
  "width": asset->metadata.dimensions.width,
  "height": asset->metadata.dimensions.height,
  "lqip": asset->metadata.lqip,
  alt,
  decorative,
  caption,
  credit,
  crop,
  hotspot
`

const wordCount = /* groq */ `"wordCount": length(string::split(pt::text(body), " "))`

const postCardFields = /* groq */ `
  _id,
  title,
  "slug": slug.current,
  excerpt,
  publishedAt,
  "mainImage": mainImage{${imageFields}},
  "categories": categories[]->{_id, title, "slug": slug.current},
  "author": author->{name, "slug": slug.current},
  ${wordCount}
`

// What the article page and the feed read of a whole post before its body (parse/post-card.ts, PostHead).
const postHeadFields = /* groq */ `
  _id,
  _updatedAt,
  title,
  "slug": slug.current,
  excerpt,
  publishedAt,
  "mainImage": mainImage{${imageFields}}
`

const ctaFields = /* groq */ `
  _id,
  headline,
  body,
  buttonLabel,
  url,
  campaign,
  "treatment": treatment->{name, "slug": slug.current, bookingUrl},
  offer
`

const socialLinkFields = /* groq */ `_key, platform, handle, url`

const settingsFields = /* groq */ `
  title,
  description,
  siteUrl,
  bookingUrl,
  "defaultCta": defaultCta->{${ctaFields}},
  "socialLinks": socialLinks[]{${socialLinkFields}},
  socialPrompt,
  "ogImage": ogImage{${imageFields}}
`

const bodyFields = /* groq */ `
  ...,
  _type == "block" => {
    markDefs[]{
      ...,
      _type == "internalLink" => {
        "target": reference->{_type, "slug": slug.current, bookingUrl}
      }
    }
  },
  _type == "figure" => {${imageFields}},
  _type == "ctaBlock" => {"cta": cta->{${ctaFields}}},
  _type == "relatedArticle" => {
    "post": select(defined(post->slug.current) && dateTime(post->publishedAt) <= dateTime($listedUntil) => post->{${postCardFields}})
  }
`

// The singleton, by id and type (so TypeGen knows which document it is).
const siteSettings = /* groq */ `_id == "siteSettings" && _type == "siteSettings"`

export const SETTINGS_QUERY = defineQuery(`*[${siteSettings}][0]{${settingsFields}}`)

/** An article; the page reads the site settings (SETTINGS_QUERY) once for the layout and itself. */
export const POST_PAGE_QUERY = defineQuery(`{
  "post": *[${listedPost} && slug.current == $slug][0]{
    ${postHeadFields},
    "author": author->{_id, name, "slug": slug.current, role, "image": image{${imageFields}}},
    "reviewedBy": reviewedBy->{name, "slug": slug.current, role},
    "categories": categories[]->{_id, title, "slug": slug.current},
    "body": body[]{${bodyFields}},
    ${wordCount},
    "relatedPosts": relatedPosts[defined(@->slug.current) && dateTime(@->publishedAt) <= dateTime($listedUntil)]->{${postCardFields}},
    "categoryPosts": *[${listedPost} && _id != ^._id && references(^.categories[]._ref)]
      | order(publishedAt desc)[0...6]{${postCardFields}},
    "cta": cta->{${ctaFields}},
    "seo": seo{metaTitle, metaDescription, noIndex, "ogImage": ogImage{${imageFields}}},
    "previous": *[${listedPost} && publishedAt < ^.publishedAt]
      | order(publishedAt desc)[0]{title, "slug": slug.current},
    "next": *[${listedPost} && publishedAt > ^.publishedAt]
      | order(publishedAt asc)[0]{title, "slug": slug.current}
  }
}`)

/** The current slug of a post that used to live at $slug, for permanent redirects. */
export const POST_REDIRECT_QUERY = defineQuery(`*[${listedPost} && $slug in previousSlugs] | order(_updatedAt desc)[0].slug.current`)

export const POST_INDEX_QUERY = defineQuery(`{
  "posts": *[${listedPost}] | order(publishedAt desc, _id asc)[$start...$end]{${postCardFields}},
  "total": count(*[${listedPost}])
}`)

export const CATEGORY_PAGE_QUERY = defineQuery(`{
  "category": *[_type == "category" && slug.current == $slug][0]{_id, title, "slug": slug.current, description},
  "posts": *[${listedPost} && references(*[_type == "category" && slug.current == $slug][0]._id)]
    | order(publishedAt desc, _id asc)[$start...$end]{${postCardFields}},
  "total": count(*[${listedPost} && references(*[_type == "category" && slug.current == $slug][0]._id)])
}`)

export const AUTHOR_PAGE_QUERY = defineQuery(`{
  "author": *[_type == "author" && slug.current == $slug][0]{
    _id, name, "slug": slug.current, role, "image": image{${imageFields}}, bio,
    "socialLinks": socialLinks[]{${socialLinkFields}}
  },
  "posts": *[${listedPost} && author._ref == *[_type == "author" && slug.current == $slug][0]._id]
    | order(publishedAt desc, _id asc)[$start...$end]{${postCardFields}},
  "total": count(*[${listedPost} && author._ref == *[_type == "author" && slug.current == $slug][0]._id])
}`)

/** Slugs of the newest posts, prerendered at build time; the rest render on first request. */
export const POST_SLUGS_QUERY = defineQuery(`*[${listedPost}] | order(publishedAt desc)[0...$limit].slug.current`)

export const CATEGORY_SLUGS_QUERY = defineQuery(`*[_type == "category" && defined(slug.current)] | order(title asc).slug.current`)

export const AUTHOR_SLUGS_QUERY = defineQuery(`*[_type == "author" && defined(slug.current)] | order(name asc).slug.current`)

/*
 * SEO and sharing: sitemap, RSS feed and Open Graph images. These run without a request (or for
 * crawlers), so callers fetch them with drafts off.
 */

// A post an editor marked noindex stays out of the sitemap: listing a URL there while the page
// asks not to be indexed sends crawlers mixed signals.
const sitemapPost = /* groq */ `${listedPost} && seo.noIndex != true`
const sitemapCategory = /* groq */ `_type == "category" && defined(slug.current)`
const sitemapAuthor = /* groq */ `_type == "author" && defined(slug.current)`

/** How many URLs of each kind the sitemap holds: decides how many sitemap files there are. */
export const SITEMAP_COUNTS_QUERY = defineQuery(`{
  "posts": count(*[${sitemapPost}]),
  "categories": count(*[${sitemapCategory}]),
  "authors": count(*[${sitemapAuthor}]),
  "lastModified": *[${sitemapPost}] | order(_updatedAt desc)[0]._updatedAt
}`)

/**
 * One sitemap file's worth of entries: a slice of each kind, ordered by _id so the slices are
 * stable from one request to the next. Only slug and _updatedAt are projected, so the response
 * stays small however large the dataset grows.
 */
export const SITEMAP_ENTRIES_QUERY = defineQuery(`{
  "categories": *[${sitemapCategory}] | order(_id asc)[$categoryStart...$categoryEnd]{"slug": slug.current, _updatedAt},
  "authors": *[${sitemapAuthor}] | order(_id asc)[$authorStart...$authorEnd]{"slug": slug.current, _updatedAt},
  "posts": *[${sitemapPost}] | order(_id asc)[$postStart...$postEnd]{"slug": slug.current, _updatedAt}
}`)

/** The newest posts with their full bodies, for the RSS feed. */
export const FEED_QUERY = defineQuery(`{
  "posts": *[${listedPost}] | order(publishedAt desc, _id asc)[0...$limit]{
    ${postHeadFields},
    "author": author->{name, "slug": slug.current},
    "categories": categories[]->{_id, title, "slug": slug.current},
    "body": body[]{${bodyFields}}
  },
  "settings": *[${siteSettings}][0]{${settingsFields}}
}`)

/** What a post's generated Open Graph image shows: its title, first category and the brand. */
export const POST_OG_QUERY = defineQuery(`{
  "post": *[${listedPost} && slug.current == $slug][0]{title, "categories": categories[]->title},
  "siteTitle": *[${siteSettings}][0].title
}`)
