import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository's demo content, found from this file so the CLI works from any folder. */
export const DEFAULT_DATASET_DIR = fileURLToPath(new URL('../../../../studio/seed', import.meta.url))

/** Paths given on the command line are relative to where the user ran `npm run …` (npm's INIT_CWD). */
export function userPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return isAbsolute(path) ? path : resolve(env.INIT_CWD ?? process.cwd(), path)
}

/**
 * Written by the repository's `npm start` / `npm run dev` for the lake they started (its URL and
 * generated token), so content commands in another terminal reach it without copying secrets.
 */
export const DEFAULT_SESSION_FILE = fileURLToPath(new URL('../../../../.journal/session.json', import.meta.url))
