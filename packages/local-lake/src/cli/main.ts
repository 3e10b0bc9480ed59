import { parseArgs, type ParsedArgs } from './args.js'
import { contentTarget, explainError } from './client.js'
import { CommandError, CONTENT_COMMANDS } from './content-commands.js'
import { serveOptionsFromEnv } from './serve-config.js'
import { startLake } from '../lake.js'
import type { Lake } from '../types.js'

export const HELP = `local-lake: a local Sanity Content Lake over a dataset folder

Usage (from the repository root):
  npm run lake                                  start the lake (same as: npm run content -- serve)
  npm run content -- <command> [arguments]

Commands:
  serve                                         serve LOCAL_LAKE_DATASET (default studio/seed) on 127.0.0.1
  get <id>                                      print a document (drafts.<id> needs a token)
  query '<groq>' [--params '{"slug":"x"}'] [--perspective published|drafts|raw]
  create <file.json|->  [--replace|--missing]   create documents from a JSON object or array (- reads stdin)
  patch <id> --set '{"title":"x"}' [--unset a,b] [--if-revision <rev>]
  publish <id>                                  drafts.<id> becomes <id>, as Studio's Publish does
  unpublish <id>                                <id> goes back to drafts.<id>
  delete <id>                                   delete <id> and drafts.<id> (a drafts.<id> alone if given)

Environment for serve:
  LOCAL_LAKE_PORT (3030), LOCAL_LAKE_DATASET (studio/seed), LOCAL_LAKE_TOKEN, SANITY_DATASET (production),
  LOCAL_LAKE_PROJECT_ID (local), LOCAL_LAKE_PUBLIC_URL, LOCAL_LAKE_WEBHOOKS (path to a JSON array of webhooks),
  LOCAL_LAKE_STUDIO_ORIGINS (comma-separated browser origins of Studios that may sign in and write),
  LOCAL_LAKE_LISTEN_PORTS (8: extra ports for event streams)

Environment for the content commands:
  SANITY_PROJECT_ID set: the hosted lake (SANITY_DATASET, SANITY_API_WRITE_TOKEN)
  otherwise: the local lake at LOCAL_LAKE_URL or http://127.0.0.1:$LOCAL_LAKE_PORT, with LOCAL_LAKE_TOKEN
`

export interface CliIo {
  env: NodeJS.ProcessEnv
  out: (line: string) => void
  err: (line: string) => void
  readStdin: () => Promise<string>
}

export interface CliOutcome {
  code: number
  /** Set by `serve`: the running lake, which the caller stops on a signal. */
  lake?: Lake
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error))

export async function runCli(argv: string[], io: CliIo): Promise<CliOutcome> {
  const failed = (text: string): CliOutcome => {
    io.err(`local-lake: ${text}`)
    return { code: 1 }
  }
  const [command, ...rest] = argv
  if (command === undefined || command === 'help' || command === '--help' || command === '-h' || rest.includes('--help')) {
    io.out(HELP)
    return { code: 0 }
  }
  if (command === 'serve') {
    try {
      const options = await serveOptionsFromEnv(io.env)
      const lake = await startLake({ ...options, log: io.out })
      io.out(
        `Local lake listening on ${lake.url} (project "${lake.projectId}", dataset "${lake.dataset}" from ${options.datasetDir}; ` +
          `token ${options.token ? 'set' : 'not set: read-only, published content only'}; ${options.webhooks?.length ?? 0} webhook(s))`,
      )
      return { code: 0, lake }
    } catch (error) {
      return failed(message(error))
    }
  }
  const run = CONTENT_COMMANDS[command]
  if (!run) return failed(`unknown command "${command}" (see --help)`)
  let args: ParsedArgs
  try {
    args = parseArgs(rest, new Set(['replace', 'missing']))
  } catch (error) {
    return failed(message(error))
  }
  const target = contentTarget(io.env)
  try {
    await run(target.client, args, io)
    return { code: 0 }
  } catch (error) {
    return failed(error instanceof CommandError ? error.message : explainError(error, target))
  }
}
