import type { ListenOptions, ObservableSanityClient, SanityClient } from '@sanity/client'
import { defer, finalize, type Observable } from 'rxjs'

/**
 * Event streams spread over the local lake's ports. Browsers open at most six HTTP/1.1
 * connections per host and port, and the Studio keeps about seven event streams open with one
 * document (list, document pair, previews, versions, releases, …), so on one port every later
 * request waits for ever. Sanity's hosted API avoids this with HTTP/2, which browsers only speak
 * over TLS; the local lake instead answers the same API on several ports, and each new stream
 * goes to the port with the fewest of this tab's streams. Only `listen` moves: queries, actions
 * and uploads stay on the main port.
 */
export class ListenPool {
  private readonly open: Map<string, number>

  constructor(origins: readonly string[]) {
    this.open = new Map(origins.map((origin) => [origin, 0]))
  }

  get size(): number {
    return this.open.size
  }

  /** The origin with the fewest open streams (the first such, so the choice is stable). */
  acquire(): string {
    let best: string | undefined
    let fewest = Infinity
    for (const [origin, count] of this.open) {
      if (count < fewest) {
        best = origin
        fewest = count
      }
    }
    if (best === undefined) throw new Error('ListenPool needs at least one origin')
    this.open.set(best, fewest + 1)
    return best
  }

  release(origin: string): void {
    const count = this.open.get(origin)
    if (count !== undefined && count > 0) this.open.set(origin, count - 1)
  }

  /** A stream on the least busy port, given back when its subscriber lets go. */
  listen<T>(start: (apiHost: string) => Observable<T>): Observable<T> {
    return defer(() => {
      const origin = this.acquire()
      return start(origin).pipe(finalize(() => this.release(origin)))
    })
  }
}

type ListenArguments = [query: string, params?: Record<string, unknown>, options?: ListenOptions]

function spreadObservable(client: ObservableSanityClient, pool: ListenPool): ObservableSanityClient {
  return new Proxy(client, {
    get(target, property) {
      if (property === 'withConfig') {
        return (config: Parameters<ObservableSanityClient['withConfig']>[0]) => spreadObservable(target.withConfig(config), pool)
      }
      if (property === 'clone') return () => spreadObservable(target.clone(), pool)
      if (property === 'listen') {
        return (...args: ListenArguments) =>
          pool.listen((apiHost) => (target.withConfig({ apiHost }).listen as (...a: ListenArguments) => Observable<unknown>)(...args))
      }
      const value: unknown = Reflect.get(target, property, target)
      // Methods use private fields, so they must run on the client itself, not on the proxy.
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** `client`, with every `listen` (on it, its `observable`, and clients derived from either) spread over `pool`. */
export function spreadListens(client: SanityClient, pool: ListenPool): SanityClient {
  if (pool.size <= 1) return client
  return new Proxy(client, {
    get(target, property) {
      if (property === 'withConfig') {
        return (config: Parameters<SanityClient['withConfig']>[0]) => spreadListens(target.withConfig(config), pool)
      }
      if (property === 'clone') return () => spreadListens(target.clone(), pool)
      if (property === 'observable') return spreadObservable(target.observable, pool)
      if (property === 'listen') {
        return (...args: ListenArguments) =>
          pool.listen((apiHost) => (target.withConfig({ apiHost }).listen as (...a: ListenArguments) => Observable<unknown>)(...args))
      }
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
