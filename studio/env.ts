/**
 * Studio configuration read from the environment, in one place.
 *
 * Sanity's bundler only inlines `process.env.SANITY_STUDIO_*` when the variable is written out in
 * full, so each one is read by its literal name below (no dynamic lookups).
 */

/**
 * Used when SANITY_STUDIO_PROJECT_ID is unset. `sanity build`, `sanity schema extract` and
 * `sanity documents validate --file` all need *a* project id to load the config, but none of them
 * talks to the project, so the Studio builds and the seed validates offline with no account.
 * `local` is the id the site's embedded mode gives the local lake (docs/contracts.md), so the two
 * agree; a Studio built with it cannot log in anywhere, which is the point.
 */
export const PLACEHOLDER_PROJECT_ID = 'local'

export const projectId = process.env.SANITY_STUDIO_PROJECT_ID || PLACEHOLDER_PROJECT_ID

export const dataset = process.env.SANITY_STUDIO_DATASET || 'production'

/**
 * Embedded mode: no Sanity project configured, so the Studio edits the local lake
 * (packages/local-lake) as its one editor, with no account and no network.
 */
export const embedded = projectId === PLACEHOLDER_PROJECT_ID

/** The local lake the Studio edits in embedded mode (scripts/start.mjs and dev.mjs set it). */
export const localLakeUrl = process.env.SANITY_STUDIO_LOCAL_LAKE_URL || 'http://127.0.0.1:3030'

/** Origin of the Next.js site the Presentation tool previews. */
export const previewOrigin = process.env.SANITY_STUDIO_PREVIEW_URL || 'http://localhost:3000'

/**
 * Content Lake API version for the Studio's own queries (Vision default, validation, presentation).
 * 2025-02-19 is the first version whose default perspective is `published`, matching the site.
 */
export const apiVersion = '2025-02-19'

/**
 * The port `sanity dev` listens on (sanity.cli.ts): SANITY_STUDIO_PORT, default 3333, Sanity's
 * own default; scripts/dev.mjs prints the same address. A function, so that only the CLI config
 * evaluates it and a bad value fails there with this message, not in the Studio bundle.
 */
export function studioPort(): number {
  const raw = process.env.SANITY_STUDIO_PORT
  if (raw === undefined || raw === '') return 3333
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`SANITY_STUDIO_PORT must be a port number (1-65535), got "${raw}"`)
  }
  return port
}
