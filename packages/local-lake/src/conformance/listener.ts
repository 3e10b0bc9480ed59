/*
 * A Server-Sent Events client for tests: opens `/data/listen`, parses events as they arrive and
 * lets a test wait for the next one of a type. Parsing follows the SSE format (event, data, id
 * lines; comment lines start with a colon).
 */
import { API_VERSION, type Target } from './target.js'

export interface ListenerEvent {
  type: string
  id?: string
  data: Record<string, unknown>
}

export interface TestListener {
  /** Every event received so far, in order. */
  events: ListenerEvent[]
  /** Comment lines received (keep-alives). */
  comments: number
  status: number
  headers: Headers
  /** Resolves with the first not-yet-taken event of `type` (or any type), waiting up to `timeoutMs`. */
  next(type?: string, timeoutMs?: number): Promise<ListenerEvent>
  /** Waits until no event arrives for `quietMs`, then returns the events not yet taken. */
  settle(quietMs?: number): Promise<ListenerEvent[]>
  close(): void
}

export async function listen(
  target: Target,
  query: string,
  params: Record<string, unknown> = {},
  options: Record<string, string> = {},
  token: string | null = target.token,
  origin = target.origin,
): Promise<TestListener> {
  const url = new URL(`${origin}/${API_VERSION}/data/listen/${target.dataset}`)
  url.searchParams.set('query', query)
  for (const [name, value] of Object.entries(params)) url.searchParams.set(`$${name}`, JSON.stringify(value))
  for (const [name, value] of Object.entries(options)) url.searchParams.set(name, value)
  const controller = new AbortController()
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    signal: controller.signal,
  })
  const events: ListenerEvent[] = []
  let taken = 0
  const waiters: (() => void)[] = []
  const listener: TestListener = {
    events,
    comments: 0,
    status: response.status,
    headers: response.headers,
    async next(type, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const index = events.findIndex((event, position) => position >= taken && (type === undefined || event.type === type))
        if (index !== -1) {
          taken = index + 1
          return events[index] as ListenerEvent
        }
        const left = deadline - Date.now()
        if (left <= 0)
          throw new Error(`no ${type ?? ''} event within ${timeoutMs} ms; got ${JSON.stringify(events.map((event) => event.type))}`)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left)
          waiters.push(() => {
            clearTimeout(timer)
            resolve()
          })
        })
      }
    },
    async settle(quietMs = 300) {
      let count = -1
      while (count !== events.length) {
        count = events.length
        await new Promise((resolve) => setTimeout(resolve, quietMs))
      }
      const rest = events.slice(taken)
      taken = events.length
      return rest
    },
    close: () => controller.abort(),
  }
  if (!response.ok || !response.body) return listener
  void (async () => {
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          let type = 'message'
          let id: string | undefined
          const data: string[] = []
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) listener.comments++
            else if (line.startsWith('event:')) type = line.slice(6).trim()
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart())
            else if (line.startsWith('id:')) id = line.slice(3).trim()
          }
          if (data.length > 0) events.push({ type, id, data: JSON.parse(data.join('\n')) as Record<string, unknown> })
          for (const wake of waiters.splice(0)) wake()
        }
      }
    } catch {
      // Closed by the test (abort) or by the server.
    }
  })()
  return listener
}
