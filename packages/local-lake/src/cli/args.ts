export interface ParsedArgs {
  positionals: string[]
  flags: Map<string, string | true>
}

/** `--name value`, `--name=value` and bare boolean flags (those listed in `booleans`). */
export function parseArgs(argv: string[], booleans: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = []
  const flags = new Map<string, string | true>()
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? ''
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') positionals.push(arg)
      continue
    }
    const body = arg.slice(2)
    const equals = body.indexOf('=')
    if (equals !== -1) {
      flags.set(body.slice(0, equals), body.slice(equals + 1))
    } else if (booleans.has(body)) {
      flags.set(body, true)
    } else {
      const value = argv[index + 1]
      if (value === undefined) throw new Error(`--${body} needs a value`)
      flags.set(body, value)
      index++
    }
  }
  return { positionals, flags }
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name)
  return typeof value === 'string' ? value : undefined
}
