import { readFile } from 'node:fs/promises'
import type { LakeOptions } from '../types.js'
import { DEFAULT_DATASET_DIR, userPath } from './paths.js'

/** A configuration problem the user can fix; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * Extra ports for event streams (see LakeOptions.listenPorts): the Studio keeps about seven open
 * per tab, and a browser holds six connections per host and port; eight ports leave room for
 * several tabs.
 */
const DEFAULT_LISTEN_PORTS = 8

/** Lake options from the environment (see docs/configuration.md). */
export async function serveOptionsFromEnv(env: NodeJS.ProcessEnv): Promise<LakeOptions> {
  const rawPort = env.LOCAL_LAKE_PORT?.trim() || '3030'
  const port = Number(rawPort)
  if (!/^\d+$/.test(rawPort) || !Number.isInteger(port) || port > 65535) {
    throw new ConfigError(`LOCAL_LAKE_PORT must be a port number from 0 to 65535, got "${rawPort}"`)
  }
  const token = env.LOCAL_LAKE_TOKEN?.trim() || undefined
  const rawListenPorts = env.LOCAL_LAKE_LISTEN_PORTS?.trim() || String(DEFAULT_LISTEN_PORTS)
  const listenPorts = Number(rawListenPorts)
  if (!/^\d+$/.test(rawListenPorts) || listenPorts > 64) {
    throw new ConfigError(`LOCAL_LAKE_LISTEN_PORTS must be a number from 0 to 64, got "${rawListenPorts}"`)
  }
  return {
    studioOrigins: (env.LOCAL_LAKE_STUDIO_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    listenPorts,
    port,
    host: '127.0.0.1',
    datasetDir: env.LOCAL_LAKE_DATASET?.trim() ? userPath(env.LOCAL_LAKE_DATASET.trim(), env) : DEFAULT_DATASET_DIR,
    dataset: env.SANITY_DATASET?.trim() || 'production',
    projectId: env.LOCAL_LAKE_PROJECT_ID?.trim() || 'local',
    token,
    publicUrl: env.LOCAL_LAKE_PUBLIC_URL?.trim() || undefined,
    webhooks: env.LOCAL_LAKE_WEBHOOKS?.trim() ? await readWebhooks(userPath(env.LOCAL_LAKE_WEBHOOKS.trim(), env)) : [],
  }
}

async function readWebhooks(path: string): Promise<LakeOptions['webhooks']> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new ConfigError(`LOCAL_LAKE_WEBHOOKS: cannot read ${path} (${error instanceof Error ? error.message : String(error)})`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new ConfigError(`LOCAL_LAKE_WEBHOOKS: ${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  if (!Array.isArray(parsed)) throw new ConfigError(`LOCAL_LAKE_WEBHOOKS: ${path} must hold a JSON array of webhooks`)
  // Each entry is checked (and its GROQ parsed) when the lake starts; errors name the webhook.
  return parsed as LakeOptions['webhooks']
}
