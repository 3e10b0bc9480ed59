/*
 * The parts of Sanity's project and user APIs that the Studio calls besides content: who is signed
 * in, what they may do, preferences, and the feature, help, onboarding and telemetry endpoints,
 * answered the way a project with one editor and no add-ons answers them. Shapes follow what the
 * Studio 5 reads (its auth, grants, key-value and project stores; see the package README).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { accessOf, requireToken } from './auth.js'
import { HttpError, readJsonBody, sendJson } from './respond.js'

/** The one user of a local lake: whoever holds its token. */
export const LOCAL_EDITOR = {
  id: 'p-local-editor',
  name: 'Local editor',
  email: 'editor@localhost',
  provider: 'local',
  role: 'administrator',
  roles: [{ name: 'administrator', title: 'Administrator', description: 'Read and write access to all datasets' }],
} as const

export interface ProjectContext {
  token: string | undefined
  projectId: string
  dataset: string
  maxBodyBytes: number
  /** Studio preferences (`/users/me/keyvalue`), kept for the lake's lifetime. */
  preferences: Map<string, unknown>
}

/** Everything a token holder may do; anonymous readers see published documents only. */
function grants(withToken: boolean): { filter: string; permissions: string[] }[] {
  return withToken
    ? [{ filter: '_id in path("**")', permissions: ['history', 'read', 'update', 'create', 'manage'] }]
    : [{ filter: '_id in path("*")', permissions: ['read'] }]
}

function projectDocument(context: ProjectContext): Record<string, unknown> {
  return {
    id: context.projectId,
    displayName: `Local lake (${context.projectId})`,
    studioHost: null,
    organizationId: null,
    isBlocked: false,
    isDisabled: false,
    isDisabledByUser: false,
    activityFeedEnabled: false,
    metadata: {},
    createdAt: '2025-01-01T00:00:00.000Z',
    members: [{ id: LOCAL_EDITOR.id, role: 'administrator', roles: LOCAL_EDITOR.roles, isCurrentUser: true, isRobot: false }],
    features: [],
  }
}

const KEY = /^[A-Za-z0-9_.:-]{1,200}$/

async function keyValue(context: ProjectContext, request: IncomingMessage, response: ServerResponse, keys: string): Promise<void> {
  requireToken(accessOf(request, context.token), 'user preferences')
  if (request.method === 'PUT' || request.method === 'POST') {
    const body = await readJsonBody(request, context.maxBodyBytes)
    const entries = Array.isArray(body) ? body : [body]
    for (const entry of entries) {
      if (
        typeof entry !== 'object' ||
        entry === null ||
        typeof (entry as { key?: unknown }).key !== 'string' ||
        !KEY.test((entry as { key: string }).key)
      ) {
        throw new HttpError(400, 'Each entry needs a "key" (letters, digits and ._:-) and a "value"')
      }
    }
    for (const entry of entries as { key: string; value: unknown }[]) context.preferences.set(entry.key, entry.value ?? null)
    sendJson(response, 200, entries)
    return
  }
  const requested = keys
    .split(',')
    .map((key) => decodeURIComponent(key))
    .filter((key) => key !== '')
  sendJson(
    response,
    200,
    requested.map((key) => ({ key, value: context.preferences.get(key) ?? null })),
  )
}

/** Answers a project/user API path (after `/v<version>`); false when the path is not one of them. */
export async function handleProjectApi(
  context: ProjectContext,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  search: URLSearchParams,
): Promise<boolean> {
  const method = request.method ?? 'GET'
  const withToken = (): boolean => accessOf(request, context.token) === 'token'

  if (path === '/users/me') {
    if (!withToken()) throw new HttpError(401, 'Unauthorized - sign in with the lake token (Authorization: Bearer <LOCAL_LAKE_TOKEN>)')
    sendJson(response, 200, LOCAL_EDITOR)
    return true
  }
  const keyValueMatch = /^\/users\/me\/keyvalue(?:\/(.*))?$/.exec(path)
  if (keyValueMatch) {
    await keyValue(context, request, response, keyValueMatch[1] ?? '')
    return true
  }
  const usersMatch = /^\/users\/([^/]+)$/.exec(path)
  if (usersMatch) {
    const ids = decodeURIComponent(usersMatch[1] ?? '').split(',')
    const users = ids.filter((id) => id === LOCAL_EDITOR.id || id === 'me').map(() => LOCAL_EDITOR)
    sendJson(response, 200, ids.length === 1 ? (users[0] ?? {}) : users)
    return true
  }
  if (path === '/auth/id') {
    sendJson(response, 200, withToken() ? { id: LOCAL_EDITOR.id } : { id: null })
    return true
  }
  if (path === '/auth/providers') {
    sendJson(response, 200, { providers: [], thirdPartyLogin: false, sso: {} })
    return true
  }
  if (path === '/auth/logout') {
    sendJson(response, 200, { ok: true })
    return true
  }

  const projectMatch = /^\/projects\/([^/]+)(\/.*)?$/.exec(path)
  if (projectMatch) {
    if (projectMatch[1] !== context.projectId)
      throw new HttpError(404, `Project "${projectMatch[1]}" not found (this lake serves "${context.projectId}")`)
    const rest = projectMatch[2] ?? ''
    if (rest === '') sendJson(response, 200, projectDocument(context))
    // Add-on datasets (comments, tasks) are asked for by profile; a local lake has none.
    else if (rest === '/datasets')
      sendJson(response, 200, search.has('datasetProfile') ? [] : [{ name: context.dataset, aclMode: 'public' }])
    else if (rest === `/datasets/${context.dataset}/acl`) sendJson(response, 200, grants(withToken()))
    else if (rest === '/grants') sendJson(response, 200, {})
    else if (rest === '/user-applications') sendJson(response, 200, [])
    else if (rest === '/users' || rest === '/members') sendJson(response, 200, [LOCAL_EDITOR])
    else if (rest === '/features') sendJson(response, 200, [])
    else throw new HttpError(404, `The local lake does not implement /projects/<id>${rest}`)
    return true
  }

  if (path === '/features' || path.startsWith('/features/')) {
    sendJson(response, 200, [])
    return true
  }
  // Onboarding, trial and usage-limit prompts: nothing to show.
  if (path.startsWith('/journey/')) {
    sendJson(response, 200, null)
    return true
  }
  if (path === '/help') {
    sendJson(response, 200, {})
    return true
  }
  // Telemetry: consent is denied, so the Studio collects nothing; a batch sent anyway is dropped.
  if (path === '/intake/telemetry-status') {
    sendJson(response, 200, { status: 'denied' })
    return true
  }
  if (path.startsWith('/intake/')) {
    if (method === 'POST') response.writeHead(204).end()
    else sendJson(response, 200, {})
    return true
  }
  // The Studio offers its schema to Sanity's hosted tooling (schema descriptors). A local lake
  // has no use for it, so every offer is answered "already in sync" and nothing is uploaded.
  if (path === '/descriptors/claim' || path === '/descriptors/synchronize') {
    if (method !== 'POST') throw new HttpError(405, `Method ${method} not allowed here`)
    const complete = { type: 'complete' }
    sendJson(
      response,
      200,
      path === '/descriptors/claim' ? { expiresAt: new Date(Date.now() + 86_400_000).toISOString(), synchronization: complete } : complete,
    )
    return true
  }
  return false
}
