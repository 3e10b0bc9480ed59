#!/usr/bin/env node
// @ts-check
// Validates studio/seed/data.ndjson against the Studio schema, offline:
//
//   npm run validate:seed -w @journal/studio
//   node scripts/validate-seed.mjs other.ndjson    (any file in the same layout)
//
// 1. `sanity documents validate --file` runs every schema rule on every document. It needs a
//    token to start even though nothing is fetched (all references resolve inside the file), so a
//    dummy one is supplied when SANITY_AUTH_TOKEN is unset. The slug uniqueness rule needs the
//    Content Lake and skips itself against the placeholder project (schemaTypes/validation/
//    unique-slug.ts); step 2 stands in for it.
// 2. Slugs are checked for uniqueness within the file.
//
// Warnings fail the run as well as errors: outside the Studio, the CLI reports every rule on an
// object-typed field (slugs, images, offers, the document itself) as a warning, because its
// unknown-fields check is attached to those rules with `.warning()`. In the Studio they are errors.

import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { findDuplicateSlugs } from './duplicate-slugs.mjs'

const studioDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const seedFile = path.resolve(process.argv[2] ?? path.join(studioDir, 'seed', 'data.ndjson'))

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

const documents = readFileSync(seedFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line))
for (const { type, slug, documentIds } of findDuplicateSlugs(documents)) {
  failures++
  console.log(`error   ${documentIds.join(', ')} slug: ${type} slug "${slug}" is used by more than one document`)
}

console.log(`\n${documents.length} documents in ${path.relative(process.cwd(), seedFile)}, ${failures} problem(s)`)
process.exit(failures === 0 && cli.status === 0 ? 0 : 1)
