import type { z } from 'zod'

import type {
  AUTHOR_PAGE_QUERY_RESULT,
  CATEGORY_PAGE_QUERY_RESULT,
  FEED_QUERY_RESULT,
  POST_INDEX_QUERY_RESULT,
  POST_OG_QUERY_RESULT,
  POST_PAGE_QUERY_RESULT,
  SETTINGS_QUERY_RESULT,
  SITEMAP_COUNTS_QUERY_RESULT,
  SITEMAP_ENTRIES_QUERY_RESULT,
} from '../sanity.types.js'

/*
 * What each query's projection returns, as TypeGen reads it from the GROQ (sanity.types.ts), tied
 * to the zod shapes that parse it: every shape is declared `satisfies Fields<Raw…>`, which requires
 * a parser for each projected key and refuses keys the projection does not have. Rename a field in
 * a projection and `npm run typecheck` (which regenerates the types first) fails at the parser
 * until it is renamed there too.
 *
 * The generated types are not the parsers' input type: they describe what a valid document would
 * give (the schema's required fields), while the parsers take `unknown` and survive hostile,
 * half-imported and deleted content. Only the keys are the contract.
 */

/** Every key of every member of a union (`keyof` of a union gives only the shared ones). */
type AllKeys<T> = T extends unknown ? keyof T : never

/**
 * One zod schema per key of a projection: no key missing, none extra. For a union (one fragment
 * projected by several queries), the keys of all of them, so a rename in any one of them counts.
 */
export type Fields<T> = { [K in AllKeys<NonNullable<T>>]-?: z.ZodType }

type Item<T> = NonNullable<T> extends ReadonlyArray<infer Element> ? NonNullable<Element> : never

export type RawSettings = NonNullable<SETTINGS_QUERY_RESULT>
export type RawPost = NonNullable<POST_PAGE_QUERY_RESULT['post']>
export type RawPerson = NonNullable<RawPost['author']> | NonNullable<RawPost['reviewedBy']>
export type RawPostLink = NonNullable<RawPost['previous']>
export type RawSeo = NonNullable<RawPost['seo']>
export type RawImage = NonNullable<RawPost['mainImage']>
export type RawCta = NonNullable<RawPost['cta']>
export type RawTreatmentLink = NonNullable<RawCta['treatment']>
export type RawSocialLink = Item<RawSettings['socialLinks']>

/** A post card: every list of posts projects the same fragment (postCardFields). */
export type RawCard =
  | Item<POST_INDEX_QUERY_RESULT['posts']>
  | Item<CATEGORY_PAGE_QUERY_RESULT['posts']>
  | Item<AUTHOR_PAGE_QUERY_RESULT['posts']>
  | Item<RawPost['relatedPosts']>
  | Item<RawPost['categoryPosts']>
export type RawCategoryLink = Item<RawCard['categories']> | Item<RawPost['categories']>
export type RawAuthorLink = NonNullable<RawCard['author']>

export type RawCategory = NonNullable<CATEGORY_PAGE_QUERY_RESULT['category']>
export type RawAuthor = NonNullable<AUTHOR_PAGE_QUERY_RESULT['author']>
export type RawFeedPost = Item<FEED_QUERY_RESULT['posts']>
export type RawOgCard = POST_OG_QUERY_RESULT
export type RawOgPost = NonNullable<POST_OG_QUERY_RESULT['post']>
export type RawSitemapCounts = SITEMAP_COUNTS_QUERY_RESULT
export type RawSitemapEntry =
  | Item<SITEMAP_ENTRIES_QUERY_RESULT['categories']>
  | Item<SITEMAP_ENTRIES_QUERY_RESULT['authors']>
  | Item<SITEMAP_ENTRIES_QUERY_RESULT['posts']>
