import { map } from 'rxjs'
import { defineDocuments, type DocumentLocationResolver } from 'sanity/presentation'

import { ROUTE_PATTERNS } from '@journal/content/hrefs'

import { apiVersion } from '../env'
import { SITE_SETTINGS_LOCATIONS, toDocumentLocations } from './document-locations'
import { isLocatedType, LOCATION_QUERIES } from './location-queries'

/**
 * Which pages show a document. A resolver function (rather than a map of `defineLocations`) is
 * used because CTAs and treatments are found through *other* documents that reference them, which
 * a `select` projection cannot express; so every type gets a GROQ query, kept live with
 * `listenQuery` under the Presentation perspective.
 */
export const locations: DocumentLocationResolver = ({ id, type, perspectiveStack }, { documentStore }) => {
  if (type === 'siteSettings') return SITE_SETTINGS_LOCATIONS
  if (!isLocatedType(type)) return null
  return documentStore
    .listenQuery(LOCATION_QUERIES[type], { id }, { apiVersion, perspective: perspectiveStack })
    .pipe(map((result: unknown) => toDocumentLocations(type, result)))
}

/** Which document a previewed URL is "about", so Presentation opens it beside the page. */
export const mainDocuments = defineDocuments([
  { route: ROUTE_PATTERNS.category, filter: `_type == "category" && slug.current == $slug` },
  { route: ROUTE_PATTERNS.author, filter: `_type == "author" && slug.current == $slug` },
  { route: ROUTE_PATTERNS.post, filter: `_type == "post" && slug.current == $slug` },
  { route: [...ROUTE_PATTERNS.blogIndex], type: 'siteSettings' },
])
