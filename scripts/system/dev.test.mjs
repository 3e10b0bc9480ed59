// `npm run dev`, tried as a developer runs it: scripts/dev.mjs on free ports (the local lake,
// `next dev` and `sanity dev` through Turborepo), then the site's index and an article through
// `next dev`, the Studio's page and modules through `sanity dev`'s Vite (every module the dev
// server hands the browser must transform: a Vite mismatch once failed them all with "Missing
// field `moduleType`"), and last the Studio in Chromium, signed in to the dev lake with the posts
// listed.
//
//   npm run test:dev   (node scripts/dev-check.mjs)
import { chromium } from 'playwright-core'
import { afterAll, it } from 'vitest'

import { CHROMIUM_FLAGS, findChromium } from '../lib/chromium.mjs'
import { freePort, freePortRange, startService } from '../lib/processes.mjs'
import { lakeQuery } from '../lib/lake-client.mjs'
import { check, CheckError, eventually, get, sleep } from '../lib/site-checks.mjs'

const STARTUP_MS = 180_000

/**
 * The first answer a URL gives while the dev processes run (next dev compiles on first request, so
 * that can take a while); it must be a 200.
 */
async function firstAnswer(url, dev) {
  const deadline = Date.now() + STARTUP_MS
  let last = 'no answer'
  while (Date.now() < deadline) {
    check(dev.child.exitCode === null, `npm run dev exited (code ${dev.child.exitCode}) before ${url} answered`)
    try {
      const response = await get(url, { timeoutMs: 60_000 })
      check(response.status === 200, `${url} answered ${response.status}: ${response.text.slice(0, 800)}`)
      return response
    } catch (error) {
      if (error instanceof CheckError) throw error
      last = error.message
    }
    await sleep(500)
  }
  throw new Error(`${url} did not answer within ${STARTUP_MS / 1000} s (last: ${last})`)
}

/** Text as React escaped it into HTML (it escapes exactly these five characters), back to plain text. */
const unescapeReact = (html) =>
  html.replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')

/** The module URLs a page or module asks the dev server for: script src and static import specifiers. */
function moduleUrls(source, base) {
  const found = new Set()
  for (const [tag] of source.matchAll(/<script\b[^>]*>/gu)) {
    const src = /\ssrc="([^"]+)"/u.exec(tag)?.[1]
    if (src && /\stype="module"/u.test(tag)) found.add(src)
  }
  for (const match of source.matchAll(/^\s*import\s+(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']/gmu)) found.add(match[1])
  return [...found].filter((specifier) => specifier.startsWith('/')).map((specifier) => new URL(specifier, base).toString())
}

// The lake also takes the eight ports after its own, for the Studio's event streams.
const lakePort = await freePortRange(9)
const [sitePort, studioPort] = [await freePort(), await freePort()]
const siteUrl = `http://127.0.0.1:${sitePort}`
const lakeUrl = `http://127.0.0.1:${lakePort}`
const studioUrl = `http://localhost:${studioPort}`
// Its own process group: stopping it stops Turborepo, next dev, sanity dev and the lake too.
const dev = startService('dev', process.execPath, ['scripts/dev.mjs'], {
  env: { PORT: String(sitePort), LOCAL_LAKE_PORT: String(lakePort), SANITY_STUDIO_PORT: String(studioPort) },
  quiet: true,
  group: true,
})
afterAll(() => dev.stop())

it('dev prints where the site, the Studio and the draft preview are', async () => {
  const printed = await eventually(() => /\[dev\] preview drafts: /u.test(dev.output()) || dev.child.exitCode !== null, {
    timeoutMs: STARTUP_MS,
  })
  check(printed && dev.child.exitCode === null, `dev printed no preview link:\n${dev.output().slice(-2000)}`)
  check(
    dev.output().includes(`[dev] site ${siteUrl}/blog, Studio http://localhost:${studioPort}`),
    `the printed addresses are not the ports given:\n${dev.output().slice(-2000)}`,
  )
})

it('next dev serves the journal index with the seed posts', async () => {
  const titles = await lakeQuery(lakeUrl, '*[_type == "post" && defined(slug.current)] | order(publishedAt desc)[0...3].title')
  check(titles.length > 0, 'the lake has no posts')
  const index = await firstAnswer(`${siteUrl}/blog`, dev)
  const text = unescapeReact(index.text)
  for (const title of titles) check(text.includes(title), `/blog does not show "${title}"`)
})

it('next dev serves an article from the lake', async () => {
  const post = await lakeQuery(
    lakeUrl,
    '*[_type == "post" && defined(slug.current)] | order(publishedAt desc)[0]{title, "slug": slug.current}',
  )
  const article = await firstAnswer(`${siteUrl}/blog/${post.slug}`, dev)
  const heading = unescapeReact(/<h1[^>]*>([^<]*)<\/h1>/u.exec(article.text)?.[1] ?? '')
  check(heading === post.title, `the article's h1 is ${JSON.stringify(heading)}, expected ${JSON.stringify(post.title)}`)
})

it("sanity dev transforms every module of the Studio's own source", async () => {
  const page = await firstAnswer(`${studioUrl}/`, dev)
  const entries = moduleUrls(page.text, studioUrl)
  check(entries.length > 0, `the Studio page loads no module script:\n${page.text.slice(0, 1000)}`)
  // The entry and everything it imports from the Studio's source (TypeScript and JSX through
  // @vitejs/plugin-react: the path the Vite mismatch broke), the config first in any case.
  const queue = [...entries, `${studioUrl}/sanity.config.ts`]
  const seen = new Set()
  while (queue.length > 0 && seen.size < 60) {
    const url = queue.shift()
    if (seen.has(url)) continue
    seen.add(url)
    const response = await get(url, { timeoutMs: 60_000 })
    check(response.status === 200, `${url} answered ${response.status}: ${response.text.slice(0, 500)}`)
    check(
      /javascript/u.test(response.headers.get('content-type') ?? ''),
      `${url} is ${response.headers.get('content-type')}, not JavaScript`,
    )
    queue.push(...moduleUrls(response.text, studioUrl).filter((next) => !next.includes('/node_modules/')))
  }
  check(seen.size >= 3, `only ${seen.size} Studio modules were found to check`)
  console.log(`    ${seen.size} Studio modules transformed, from ${new URL(entries.at(-1)).pathname} down`)
  check(!/moduleType/u.test(dev.output()), `the dev server logged a transform error:\n${dev.output().slice(-2000)}`)
})

it('the Studio signs in to the lake in Chromium and lists the posts', async () => {
  const newest = await lakeQuery(lakeUrl, '*[_type == "post"] | order(publishedAt desc)[0].title')
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS })
  try {
    const page = await browser.newPage()
    const offMachine = []
    page.on('request', (request) => {
      if (!/^(https?|wss?):\/\/(127\.0\.0\.1|localhost)(:\d+)?\//u.test(request.url()) && !/^(data|blob):/u.test(request.url()))
        offMachine.push(request.url())
    })
    await page.goto(`${studioUrl}/structure/posts;allPosts`)
    await page.getByRole('option').filter({ hasText: newest }).first().waitFor({ timeout: 120_000 })
    check(offMachine.length === 0, `the Studio in sanity dev made requests off the machine:\n${offMachine.join('\n')}`)
  } finally {
    await browser.close()
  }
})
