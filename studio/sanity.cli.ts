import {defineCliConfig} from 'sanity/cli'

import {dataset, projectId} from './env'

/**
 * Typegen reads the extracted schema and the `defineQuery` calls in packages/content, and writes
 * the result types there, because that package is the contract the site imports.
 *
 * `scripts/typegen-check.mjs` points the two paths below at a temporary directory (through these
 * environment variables) to regenerate without touching the committed files; nothing else sets them.
 */
const schemaPath = process.env.JOURNAL_TYPEGEN_SCHEMA ?? 'schema.json'
const typesPath = process.env.JOURNAL_TYPEGEN_OUTPUT ?? '../packages/content/src/sanity.types.ts'

/**
 * `sanity dev` listens on SANITY_STUDIO_PORT (default 3333, Sanity's own default);
 * scripts/dev.mjs reads the same variable to print the Studio's address.
 */
function studioPort(): number {
  const raw = process.env.SANITY_STUDIO_PORT
  if (raw === undefined || raw === '') return 3333
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`SANITY_STUDIO_PORT must be a port number (1-65535), got "${raw}"`)
  }
  return port
}

export default defineCliConfig({
  api: {projectId, dataset},
  server: {port: studioPort()},
  schemaExtraction: {path: schemaPath, enforceRequiredFields: true},
  typegen: {
    path: '../packages/content/src/**/*.{ts,tsx}',
    schema: schemaPath,
    generates: typesPath,
    // Query results are parsed by zod in packages/content before anything uses them, and that
    // package does not depend on @sanity/client, so client.fetch is not overloaded with these types.
    overloadClientMethods: false,
  },
})
