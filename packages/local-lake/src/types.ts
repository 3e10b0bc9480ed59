/** A document as stored in the lake: system fields plus any content fields. */
export interface LakeDocument {
  _id: string
  _type: string
  _rev: string
  _createdAt: string
  _updatedAt: string
  [field: string]: unknown
}

export type JsonObject = Record<string, unknown>

export type WebhookOperation = 'create' | 'update' | 'delete'

/** One GROQ-powered webhook, shaped like a document webhook in Sanity's project settings. */
export interface WebhookConfig {
  name: string
  url: string
  /** A GROQ filter (the inside of `*[...]`); empty or missing matches every document. */
  filter?: string
  /** A GROQ projection such as `{_id, "slug": slug.current}`; missing sends the whole document. */
  projection?: string
  secret?: string
  /** Operations that trigger the webhook; all of them by default. */
  on?: WebhookOperation[]
  includeDrafts?: boolean
  httpMethod?: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET'
  headers?: Record<string, string>
}

export interface WebhookRetryOptions {
  /** Delivery attempts in total, the first one included (default 6). */
  attempts?: number
  /** Delay before the first retry; doubled for each further retry (default 1000 ms). */
  baseDelayMs?: number
  /** Time allowed for one attempt before it counts as failed (default 10000 ms). */
  timeoutMs?: number
}

export interface LakeOptions {
  /** 0 picks a free port. Default 3030. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** A folder in `sanity dataset export` layout: data.ndjson plus images/. */
  datasetDir: string
  /** Default 'production'. */
  dataset?: string
  /** Default 'local'. */
  projectId?: string
  /** Bearer token that unlocks drafts, the raw perspective and mutations. Unset: read-only, published only. */
  token?: string
  /** Origin used in image asset URLs; defaults to the URL the lake listens on. */
  publicUrl?: string
  webhooks?: WebhookConfig[]
  webhookRetry?: WebhookRetryOptions
  /** Largest accepted request body in bytes (default 10 MB). */
  maxBodyBytes?: number
  /** Largest accepted asset upload in bytes (default 100 MB). */
  maxUploadBytes?: number
  /**
   * Browser origins of Studios that may use the lake (e.g. http://127.0.0.1:3333): they get CORS
   * for writes and the session (token) at /local-lake/session. Other origins may only read
   * published content.
   */
  studioOrigins?: string[]
  /**
   * Extra ports that answer the same API, listed in the session, so a browser can hold more event
   * streams than its six connections per host and port allow: the `listenPorts` ports after `port`
   * (picked free when `port` is 0). Default 0.
   */
  listenPorts?: number
  /** Bytes of transformed images kept in memory (default 64 MB). */
  imageCacheBytes?: number
  log?: (line: string) => void
}

export interface Lake {
  url: string
  port: number
  /** The main URL first, then one per extra listen port. */
  urls: string[]
  dataset: string
  projectId: string
  /** Resolves once every queued webhook delivery has succeeded or given up. */
  webhooksIdle(): Promise<void>
  close(): Promise<void>
}
