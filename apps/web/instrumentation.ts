/**
 * Runs once when the server starts: configuration is validated here so a bad value stops
 * start-up with a message naming the variable, instead of failing on the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { serverEnv } = await import('./lib/env')
  const env = serverEnv()
  const where = env.source.mode === 'hosted' ? `Sanity project ${env.source.projectId}` : `local lake at ${env.source.apiHost}`
  console.log(`[journal] content source: ${where}, dataset ${env.source.dataset}`)
}
