#!/usr/bin/env node
// @ts-check
// Fails when the committed studio/schema.json or packages/content/src/sanity.types.ts is not what
// `npm run typegen -w @journal/studio` would produce from the current schema and queries.
//
//   npm run typegen:check -w @journal/studio     (or `npm run typegen:check` at the root)
//
// Everything is regenerated into a temporary directory under studio/.sanity/ (git-ignored); the
// committed files are only read. sanity.cli.ts takes the two output paths from
// JOURNAL_TYPEGEN_SCHEMA and JOURNAL_TYPEGEN_OUTPUT for exactly this purpose.

import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const studioDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const committedSchema = path.join(studioDir, 'schema.json')
const committedTypes = path.resolve(studioDir, '../packages/content/src/sanity.types.ts')

mkdirSync(path.join(studioDir, '.sanity'), { recursive: true })
const tempDir = mkdtempSync(path.join(studioDir, '.sanity', 'typegen-check-'))
const freshSchema = path.join(tempDir, 'schema.json')
const freshTypes = path.join(tempDir, 'sanity.types.ts')

/** @param {string[]} args */
function sanity(args) {
  const result = spawnSync('npx', ['--no-install', 'sanity', ...args], {
    cwd: studioDir,
    encoding: 'utf8',
    env: {
      SANITY_TELEMETRY_DISABLED: '1',
      ...process.env,
      // Relative to studio/: `schema extract` joins even an absolute path onto the project root.
      JOURNAL_TYPEGEN_SCHEMA: path.relative(studioDir, freshSchema),
      JOURNAL_TYPEGEN_OUTPUT: path.relative(studioDir, freshTypes),
    },
  })
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr)
    throw new Error(`sanity ${args.join(' ')} failed (exit code ${result.status})`)
  }
}

/** @param {string} file */
function readOrNull(file) {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/** A short pointer to the first differing line, so the message says where to look. */
function firstDifference(/** @type {string} */ expected, /** @type {string} */ actual) {
  const expectedLines = expected.split('\n')
  const actualLines = actual.split('\n')
  const index = expectedLines.findIndex((line, i) => line !== actualLines[i])
  const line = index === -1 ? Math.min(expectedLines.length, actualLines.length) : index
  return `first difference at line ${line + 1}:\n    committed: ${JSON.stringify(actualLines[line] ?? '<end of file>')}\n    fresh:     ${JSON.stringify(expectedLines[line] ?? '<end of file>')}`
}

const problems = []
try {
  sanity(['schema', 'extract', '--enforce-required-fields'])
  sanity(['typegen', 'generate'])

  const schema = readFileSync(freshSchema, 'utf8')
  // Typegen names the schema file it read in a comment; make that the committed file's name.
  const types = readFileSync(freshTypes, 'utf8').replaceAll(
    `// Source: ${path.relative(studioDir, freshSchema)}`,
    `// Source: ${path.relative(studioDir, committedSchema)}`,
  )

  for (const [label, file, fresh] of [
    ['studio/schema.json', committedSchema, schema],
    ['packages/content/src/sanity.types.ts', committedTypes, types],
  ]) {
    const committed = readOrNull(file)
    if (committed === null) problems.push(`${label} is missing`)
    else if (committed !== fresh) problems.push(`${label} is out of date; ${firstDifference(fresh, committed)}`)
  }
} finally {
  rmSync(tempDir, { recursive: true, force: true })
}

if (problems.length > 0) {
  console.error(`Generated files do not match the schema and queries:\n- ${problems.join('\n- ')}`)
  console.error('\nRun `npm run typegen -w @journal/studio` and commit studio/schema.json and packages/content/src/sanity.types.ts.')
  process.exit(1)
}
console.log('studio/schema.json and packages/content/src/sanity.types.ts are up to date.')
