import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { ContentLake } from './content-lake.js'
import { loadDataset } from './dataset/load.js'
import { ImageService } from './http/image-route.js'
import { createLakeServer, type ServerContext } from './http/server.js'
import type { Lake, LakeOptions } from './types.js'
import { WebhookDispatcher } from './webhooks/dispatcher.js'

/** Bad options, reported before anything starts. */
export class LakeConfigError extends Error {
  override name = 'LakeConfigError'
}

const DATASET_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/
const PROJECT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/i

function checkOptions(options: LakeOptions): void {
  if (typeof options.datasetDir !== 'string' || options.datasetDir === '') throw new LakeConfigError('datasetDir is required')
  const port = options.port ?? 3030
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new LakeConfigError(`invalid port ${String(options.port)}: expected 0-65535`)
  const dataset = options.dataset ?? 'production'
  if (!DATASET_NAME.test(dataset)) throw new LakeConfigError(`invalid dataset name "${dataset}" (lower-case letters, digits, _ and -)`)
  const projectId = options.projectId ?? 'local'
  if (!PROJECT_ID.test(projectId)) throw new LakeConfigError(`invalid project id "${projectId}"`)
  if (options.publicUrl !== undefined) {
    try {
      new URL(options.publicUrl)
    } catch {
      throw new LakeConfigError(`invalid publicUrl "${options.publicUrl}"`)
    }
  }
}

/** Loads the dataset folder and serves it; resolves once the lake is listening. */
export async function startLake(options: LakeOptions): Promise<Lake> {
  checkOptions(options)
  const log = options.log ?? (() => undefined)
  const host = options.host ?? '127.0.0.1'
  const dataset = options.dataset ?? 'production'
  const projectId = options.projectId ?? 'local'
  const datasetDir = resolve(options.datasetDir)
  const webhooks = new WebhookDispatcher(options.webhooks ?? [], {
    projectId,
    dataset,
    retry: options.webhookRetry ?? {},
    log,
  })
  const loaded = await loadDataset(datasetDir, log)

  let context: ServerContext | undefined
  const server = createLakeServer(() => context)
  await new Promise<void>((resolveListen, rejectListen) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      rejectListen(
        error.code === 'EADDRINUSE'
          ? new LakeConfigError(`port ${options.port ?? 3030} on ${host} is already in use`)
          : error,
      )
    }
    server.once('error', onError)
    server.listen(options.port ?? 3030, host, () => {
      server.off('error', onError)
      resolveListen()
    })
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`

  const lake = new ContentLake(loaded, {
    datasetDir,
    projectId,
    dataset,
    baseUrl: options.publicUrl ?? url,
    log,
    onCommit: (transaction, store) => webhooks.notify(transaction, store),
  })
  context = {
    lake,
    token: options.token === '' ? undefined : options.token,
    maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
    images: new ImageService(lake.images, options.imageCacheBytes ?? 64 * 1024 * 1024),
    projectId,
    dataset,
    log,
  }

  let closing: Promise<void> | undefined
  return {
    url,
    port,
    dataset,
    projectId,
    webhooksIdle: () => webhooks.idle(),
    close: () => {
      closing ??= new Promise<void>((resolveClose) => {
        webhooks.close()
        server.close(() => resolveClose())
        server.closeIdleConnections()
        // Give in-flight requests a moment, then cut whatever keep-alive connections remain.
        setTimeout(() => server.closeAllConnections(), 1000).unref()
      })
      return closing
    },
  }
}
