import { defineCliConfig } from 'sanity/cli'

import { dataset, embedded, projectId, studioPort } from './env'
import { offlineStudioPage } from './local-lake/offline-html'

/**
 * Typegen reads the extracted schema and the `defineQuery` calls in packages/content, and writes
 * the result types there, because that package is the contract the site imports.
 *
 * `scripts/typegen-check.mjs` points the two paths below at a temporary directory (through these
 * environment variables) to regenerate without touching the committed files; nothing else sets them.
 */
const schemaPath = process.env.JOURNAL_TYPEGEN_SCHEMA ?? 'schema.json'
const typesPath = process.env.JOURNAL_TYPEGEN_OUTPUT ?? '../packages/content/src/sanity.types.ts'

export default defineCliConfig({
  api: { projectId, dataset },
  server: { port: studioPort() },
  // The Studio is served as built (npm start) rather than loading Sanity's modules from its CDN.
  deployment: { autoUpdates: false },
  // Embedded mode must work offline and send nothing off the machine (local-lake/offline-html.ts).
  vite: (config) => (embedded ? { ...config, plugins: [...(config.plugins ?? []), offlineStudioPage()] } : config),
  schemaExtraction: { path: schemaPath, enforceRequiredFields: true },
  typegen: {
    path: '../packages/content/src/**/*.{ts,tsx}',
    schema: schemaPath,
    generates: typesPath,
    // Query results are parsed by zod in packages/content before anything uses them, and that
    // package does not depend on @sanity/client, so client.fetch is not overloaded with these types.
    overloadClientMethods: false,
  },
})
