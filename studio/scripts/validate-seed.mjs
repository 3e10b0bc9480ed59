#!/usr/bin/env node
// @ts-check
// Validates a dataset in the seed layout (data.ndjson + images/), offline; the one check for the
// demo content and for generated datasets:
//
//   npm run validate:seed -w @journal/studio                 studio/seed
//   npm run validate:seed -w @journal/studio -- <folder>     any folder in the same layout
//   ... -- <folder> --no-demo                                without the demo-coverage checks
//
// 1. seed-checks.mjs: what the schema's rules cannot see (the file, ids, references and the types
//    they point at, keys, image files, unique slugs, previous slugs, what the demo must show).
//    These run first: with a broken reference the CLI would try to look the target up online.
// 2. `sanity documents validate --file` runs every schema rule on every document. It needs a
//    token to start even though nothing is fetched, so a dummy one is supplied when
//    SANITY_AUTH_TOKEN is unset. (The slug uniqueness rule skips itself against the placeholder
//    project, schemaTypes/validation/unique-slug.ts; step 1 stands in for it.)
//
// Warnings fail the run as well as errors: outside the Studio, the CLI reports every rule on an
// object-typed field (slugs, images, offers, the document itself) as a warning, because its
// unknown-fields check is attached to those rules with `.warning()`. In the Studio they are errors.

import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { checkSeed } from './seed-checks.mjs'

const studioDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'no-demo': { type: 'boolean' } } })
const datasetDir = path.resolve(positionals[0] ?? path.join(studioDir, 'seed'))
const seedFile = path.join(datasetDir, 'data.ndjson')
const shown = path.relative(process.cwd(), datasetDir) || '.'

const schema = JSON.parse(readFileSync(path.join(studioDir, 'schema.json'), 'utf8'))
const { problems, documents, report } = await checkSeed(datasetDir, { schema, demo: !values['no-demo'] })
for (const line of report) console.log(line)
if (problems.length > 0) {
  for (const problem of problems) console.log(`error   ${problem}`)
  console.log(`\n${documents.length} documents in ${shown}: ${problems.length} problem(s) before the schema's rules were run`)
  process.exit(1)
}

const cli = spawnSync(
  'npx',
  ['--no-install', 'sanity', 'documents', 'validate', '--file', seedFile, '--yes', '--format', 'json', '--level', 'info'],
  {
    cwd: studioDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { SANITY_TELEMETRY_DISABLED: '1', ...process.env, SANITY_AUTH_TOKEN: process.env.SANITY_AUTH_TOKEN || 'offline' },
  },
)

/** @typedef {{level: string, message: string, path: unknown[]}} Marker */
/** @typedef {{documentId: string, documentType: string, level: string, markers: Marker[]}} DocumentResult */

// The JSON report lists only documents that have markers.
/** @type {DocumentResult[]} */
let results
try {
  results = JSON.parse(cli.stdout.slice(cli.stdout.indexOf('[')))
} catch {
  console.error(cli.stdout)
  console.error(`sanity documents validate did not produce a report (exit code ${cli.status})`)
  process.exit(1)
}

/** @param {unknown[]} markerPath */
function formatPath(markerPath) {
  return markerPath
    .map((segment) =>
      typeof segment === 'object' && segment !== null && '_key' in segment ? `[_key=="${segment._key}"]` : `.${String(segment)}`,
    )
    .join('')
    .replace(/^\./, '')
}

let failures = 0
for (const result of results) {
  for (const marker of result.markers) {
    if (marker.level === 'error' || marker.level === 'warning') failures++
    console.log(`${marker.level.padEnd(7)} ${result.documentId} ${formatPath(marker.path) || '(document)'}: ${marker.message}`)
  }
}

console.log(`\n${documents.length} documents in ${shown}, ${failures} problem(s)`)
process.exit(failures === 0 && cli.status === 0 ? 0 : 1)
