import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import type { Duplex } from 'node:stream'
import { ContentLake } from './content-lake.js'
import { loadDataset } from './dataset/load.js'
import { HistoryLog } from './history/log.js'
import { ImageService } from './http/image-route.js'
import { LOCAL_EDITOR } from './http/project-routes.js'
import { createLakeServer, type ServerContext } from './http/server.js'
import { ListenerHub } from './listen/hub.js'
import type { Lake, LakeOptions } from './types.js'
import { WebhookDispatcher } from './webhooks/dispatcher.js'

/** Bad options, reported before anything starts. */
export class LakeConfigError extends Error {
  override name = 'LakeConfigError'
}

/** Hosts that only this machine can reach: the lake then refuses requests for other host names. */
const LOOPBACK_BIND = /^(127\.\d+\.\d+\.\d+|localhost|::1)$/

const DATASET_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/
const PROJECT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/i

function checkOptions(options: LakeOptions): void {
  if (typeof options.datasetDir !== 'string' || options.datasetDir === '') throw new LakeConfigError('datasetDir is required')
  const port = options.port ?? 3030
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new LakeConfigError(`invalid port ${String(options.port)}: expected 0-65535`)
  const dataset = options.dataset ?? 'production'
  if (!DATASET_NAME.test(dataset)) throw new LakeConfigError(`invalid dataset name "${dataset}" (lower-case letters, digits, _ and -)`)
  const projectId = options.projectId ?? 'local'
  if (!PROJECT_ID.test(projectId)) throw new LakeConfigError(`invalid project id "${projectId}"`)
  const listenPorts = options.listenPorts ?? 0
  if (!Number.isInteger(listenPorts) || listenPorts < 0 || listenPorts > 64)
    throw new LakeConfigError(`invalid listenPorts ${String(options.listenPorts)}: expected 0-64`)
  for (const origin of options.studioOrigins ?? []) {
    let parsed: URL
    try {
      parsed = new URL(origin)
    } catch {
      throw new LakeConfigError(`invalid Studio origin "${origin}" (expected e.g. http://127.0.0.1:3333)`)
    }
    if (parsed.origin !== origin)
      throw new LakeConfigError(`invalid Studio origin "${origin}": give the origin only, e.g. ${parsed.origin}`)
  }
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
  const listenPorts = options.listenPorts ?? 0
  const datasetDir = resolve(options.datasetDir)
  const webhooks = new WebhookDispatcher(options.webhooks ?? [], {
    projectId,
    dataset,
    retry: options.webhookRetry ?? {},
    log,
  })
  const loaded = await loadDataset(datasetDir, log)

  let context: ServerContext | undefined
  const sockets = new Set<Duplex>()
  const loopbackOnly = LOOPBACK_BIND.test(host)
  const listenOn = async (port: number): Promise<Server> => {
    const server = createLakeServer(() => context, { loopbackOnly, sockets })
    await new Promise<void>((resolveListen, rejectListen) => {
      const onError = (error: NodeJS.ErrnoException): void => {
        rejectListen(error.code === 'EADDRINUSE' ? new LakeConfigError(`port ${port} on ${host} is already in use`) : error)
      }
      server.once('error', onError)
      server.listen(port, host, () => {
        server.off('error', onError)
        resolveListen()
      })
    })
    return server
  }
  const mainPort = options.port ?? 3030
  const servers = [await listenOn(mainPort)]
  // More ports with the same API: a browser holds at most six HTTP/1.1 connections per host and
  // port, and the Studio keeps about seven event streams open, so it spreads them over these.
  // They follow the main port (3031-3038 for 3030), so a Studio left open while the lake restarts
  // finds its streams again; with port 0 they are picked free like the main one.
  try {
    for (let index = 1; index <= listenPorts; index++) servers.push(await listenOn(mainPort === 0 ? 0 : mainPort + index))
  } catch (error) {
    for (const each of servers) each.close()
    if (error instanceof LakeConfigError) {
      throw new LakeConfigError(
        `${error.message}: the lake also listens on the ${listenPorts} ports after its own, for the Studio's event streams (choose another port, or fewer listen ports)`,
      )
    }
    throw error
  }
  const urlOf = (server: Server): string => `http://${host.includes(':') ? `[${host}]` : host}:${(server.address() as AddressInfo).port}`
  const [server] = servers as [Server, ...Server[]]
  const { port } = server.address() as AddressInfo
  const url = urlOf(server)
  const hub = new ListenerHub()
  const history = new HistoryLog()

  const lake = new ContentLake(loaded, {
    datasetDir,
    projectId,
    dataset,
    baseUrl: options.publicUrl ?? url,
    log,
    onCommit: (transaction, store) => {
      history.record(transaction)
      hub.publish(transaction)
      webhooks.notify(transaction, store)
    },
  })
  const token = options.token === '' ? undefined : options.token
  context = {
    lake,
    token,
    identity: LOCAL_EDITOR.id,
    maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
    maxUploadBytes: options.maxUploadBytes ?? 100 * 1024 * 1024,
    images: new ImageService(lake.images, options.imageCacheBytes ?? 64 * 1024 * 1024),
    hub,
    history,
    preferences: new Map(),
    studioOrigins: new Set(options.studioOrigins ?? []),
    origins: () => servers.map(urlOf),
    projectId,
    dataset,
    log,
  }

  let closing: Promise<void> | undefined
  return {
    url,
    port,
    urls: servers.map(urlOf),
    dataset,
    projectId,
    webhooksIdle: () => webhooks.idle(),
    close: () => {
      closing ??= (async () => {
        webhooks.close()
        for (const socket of sockets) socket.destroy()
        await Promise.all(
          servers.map(
            (each) =>
              new Promise<void>((resolveClose) => {
                each.close(() => resolveClose())
                each.closeIdleConnections()
                // Give in-flight requests a moment, then cut whatever connections remain (event streams included).
                setTimeout(() => each.closeAllConnections(), 1000).unref()
              }),
          ),
        )
      })()
      return closing
    },
  }
}
