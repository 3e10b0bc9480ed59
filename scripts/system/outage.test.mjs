// Outage tests: a production stack whose content source goes away. Cached pages must keep being
// served (200, the last good content) while the lake is stopped, answers 500s or never answers;
// revalidation (signed webhooks and the time-based safety net) must never replace a good page
// with an error; the site's log must say what failed; a page nobody has seen yet fails within
// the fetch timeout instead of hanging; and once the lake is back, the next publish shows up.
//
//   npm run test:outage                       builds, then runs (node scripts/outage.mjs)
//   node scripts/outage.mjs --reuse-build     serves the existing build (npm test, after e2e)
import { createRequire } from 'node:module'
import path from 'node:path'

import { afterAll, it } from 'vitest'

import { CHROMIUM_FLAGS, findChromium } from '../lib/chromium.mjs'
import { ROOT } from '../lib/processes.mjs'
import { lakeMutate, lakeQuery } from '../lib/lake-client.mjs'
import { check, eventually, fakeSource, get, sendWebhook, sleep } from '../lib/site-checks.mjs'
import { startStack } from '../lib/stack.mjs'

// The web workspace's Playwright (a dependency of apps/web, which runs the end-to-end tests).
const { chromium } = createRequire(path.join(ROOT, 'apps/web/package.json'))('playwright-core')

/** Short, so the time-based path is exercised within the test. */
const REVALIDATE_SECONDS = 1
/** Short, so a source that never answers costs the test seconds, not minutes. */
const FETCH_TIMEOUT_MS = 1500
/** A request that takes longer than this has hung: far above one fetch timeout, far below Node's 300 s. */
const HANG_LIMIT_MS = Math.max(30_000, FETCH_TIMEOUT_MS * 10)

const titleOf = (html) => /<title>([^<]*)<\/title>/u.exec(html)?.[1] ?? null

/** What a reader's browser shows for a URL: the status, the main heading and the way back to the journal. */
async function seenInBrowser(url) {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true })
  try {
    const page = await browser.newPage()
    const response = await page.goto(url)
    const heading = page.getByRole('heading', { level: 1 })
    await heading.waitFor({ timeout: 15_000 }).catch(() => {})
    const text = (await heading.count()) > 0 ? await heading.first().textContent() : null
    const back = page.getByRole('link', { name: 'Go to the journal' })
    const href = (await back.count()) > 0 ? await back.getAttribute('href') : null
    return { status: response?.status() ?? 0, heading: text, journalLink: href }
  } finally {
    await browser.close()
  }
}

// npm test passes JOURNAL_REUSE_BUILD=1: the e2e tests' build is served again (never beside it:
// both use .next's ISR cache).
const stack = await startStack({
  build: process.env.JOURNAL_REUSE_BUILD !== '1',
  quiet: !process.env.E2E_VERBOSE,
  env: { REVALIDATE_SECONDS: String(REVALIDATE_SECONDS), SANITY_FETCH_TIMEOUT_MS: String(FETCH_TIMEOUT_MS) },
})
afterAll(() => stack.stop())
const { siteUrl, lakeUrl, env, lake, siteOutput } = stack

const run = Date.now().toString(36)
const token = env.LOCAL_LAKE_TOKEN
const secret = env.SANITY_REVALIDATE_SECRET
const refs = await lakeQuery(
  lakeUrl,
  `{
    "author": *[_type == "author" && defined(slug.current)][0]{_id, "slug": slug.current},
    "category": *[_type == "category" && defined(slug.current)][0]{_id, "slug": slug.current},
    "cta": *[_type == "cta"][0]._id,
    "seedPost": *[_type == "post" && defined(slug.current)] | order(publishedAt desc)[0].slug.current
  }`,
)
const post = {
  _id: `post-outage-${run}`,
  _type: 'post',
  title: `Written before the outage ${run}`,
  slug: { _type: 'slug', current: `outage-${run}` },
  excerpt: 'A post the outage tests publish, then watch while the content source is away.',
  publishedAt: new Date().toISOString(),
  author: { _type: 'reference', _ref: refs.author._id },
  categories: [{ _type: 'reference', _ref: refs.category._id, _key: 'c1' }],
  cta: { _type: 'reference', _ref: refs.cta },
  body: [
    {
      _type: 'block',
      _key: 'p',
      style: 'normal',
      markDefs: [],
      children: [{ _type: 'span', _key: 's', text: 'Still here.', marks: [] }],
    },
  ],
}
const slug = post.slug.current
const change = { _id: post._id, _type: 'post', slug, categories: [refs.category.slug], author: refs.author.slug }
const neverCached = `/blog/never-rendered-${run}`

// What each page must keep showing: a string from its last good render.
const pages = new Map()
const failuresLogged = () =>
  siteOutput()
    .split('\n')
    .filter((line) => line.includes('[content] query failed ('))

async function expectLastGoodPages(when) {
  for (const [path, marker] of pages) {
    const page = await get(siteUrl + path)
    check(page.status === 200, `${when}: ${path} answered ${page.status}, expected 200 with the cached page`)
    check(page.text.includes(marker), `${when}: ${path} no longer shows "${marker}" (got title ${JSON.stringify(titleOf(page.text))})`)
  }
}

async function expectFailureNotHang(when) {
  const page = await get(siteUrl + neverCached, { timeoutMs: HANG_LIMIT_MS })
  check(page.status >= 500, `${when}: ${neverCached} (never rendered, source unavailable) answered ${page.status}, expected a 5xx`)
  check(
    !/s-maxage/u.test(page.headers.get('cache-control') ?? ''),
    `${when}: the error response is cacheable: ${page.headers.get('cache-control')}`,
  )
  return page
}

it('publish a post and warm its pages while the lake is up', async () => {
  await lakeMutate(lakeUrl, token, [{ create: post }])
  const title = post.title
  const wanted = [
    ['/blog', title],
    [`/blog/${slug}`, title],
    [`/blog/${refs.seedPost}`, null],
    [`/blog/category/${refs.category.slug}`, title],
    [`/blog/author/${refs.author.slug}`, title],
    ['/blog/feed.xml', slug],
    ['/robots.txt', 'Sitemap'],
  ]
  for (const [path, marker] of wanted) {
    let last = null
    const shown = await eventually(async () => {
      last = await get(siteUrl + path)
      return last.status === 200 && (marker === null || last.text.includes(marker))
    })
    check(shown, `${path} did not show "${marker}" after publishing (status ${last?.status})`)
    pages.set(path, marker ?? titleOf(last.text) ?? '')
  }
  // Rendered at run time, so it carries the run-time REVALIDATE_SECONDS: the safety net is live.
  const article = await get(`${siteUrl}/blog/${slug}`)
  const cacheControl = article.headers.get('cache-control') ?? ''
  check(
    cacheControl.includes(`s-maxage=${REVALIDATE_SECONDS},`),
    `/blog/${slug} is cached with "${cacheControl}", expected s-maxage=${REVALIDATE_SECONDS}`,
  )
})

it('an offer that ends while the lake is down: from its end on, the cached article shows the CTA without the code, never an error', async () => {
  const offer = await lakeQuery(lakeUrl, '*[_id == $id][0].offer', { id: refs.cta })
  check(offer?.code, `the CTA ${refs.cta} has no offer to end`)
  const end = Date.now() + 8000
  await lakeMutate(lakeUrl, token, [
    { patch: { id: refs.cta, set: { 'offer.startsAt': null, 'offer.endsAt': new Date(end).toISOString() } } },
  ])
  const codeShown = (html) => new RegExp(`class="booking-cta__code"[^>]*>${offer.code}<`, 'u').test(html)
  // Cached with the code and with the offer's end among its moments (the webhook's re-render done).
  const moment = `expires=${new Date(end + 1).toISOString()}`
  const cached = await eventually(async () => {
    const page = await get(`${siteUrl}/blog/${slug}`)
    return (
      page.status === 200 &&
      codeShown(page.text) &&
      page.headers.get('x-nextjs-cache') === 'HIT' &&
      (page.headers.get('x-content-moments') ?? '').includes(moment)
    )
  })
  check(cached, `/blog/${slug} was not cached with the offer's code before its end`)
  check(Date.now() < end, "warming the article took past the offer's end: the test proves nothing")
  await lake.stop()
  await sleep(end + 1000 - Date.now())
  for (let round = 0; round < 5; round += 1) {
    const page = await get(`${siteUrl}/blog/${slug}`)
    check(page.status === 200, `after the offer's end, with the lake down: /blog/${slug} answered ${page.status}`)
    const seen = ['x-nextjs-cache', 'cache-control', 'x-content-moments', 'age']
      .map((name) => `${name}: ${page.headers.get(name)}`)
      .join(', ')
    check(!codeShown(page.text), `after the offer's end, with the lake down: /blog/${slug} still shows the code ${offer.code} (${seen})`)
    check(page.text.includes(post.title), `after the offer's end, with the lake down: /blog/${slug} lost its content`)
    await sleep(300)
  }
})

it('lake stopped: cached pages are still served with their content', async () => {
  await lake.stop()
  await expectLastGoodPages('lake stopped')
})

it(`lake stopped: time-based revalidation (every ${REVALIDATE_SECONDS} s) keeps the last good page`, async () => {
  const before = failuresLogged().length
  for (let round = 0; round < 3; round += 1) {
    await sleep(REVALIDATE_SECONDS * 1000 + 2500)
    await expectLastGoodPages(`time-based revalidation round ${round + 1}`)
  }
  await eventually(async () => failuresLogged().length > before)
  check(failuresLogged().length > before, 'no revalidation was attempted (nothing logged): the time-based path was not exercised')
})

it('lake stopped: a signed webhook expires the tags, and pages stay 200 with the last good content', async () => {
  const before = failuresLogged().length
  const hook = await sendWebhook(siteUrl, secret, change)
  check(hook.status === 200, `webhook answered ${hook.status}: ${hook.body}`)
  await expectLastGoodPages('first request after the webhook')
  // Wait for the background renders to fail (slow on a loaded machine), then the pages must
  // still be the good ones.
  await eventually(async () => failuresLogged().length > before)
  await expectLastGoodPages('after the failed revalidation')
  const lines = failuresLogged().slice(before)
  check(lines.length > 0, 'no "[content] query failed" line was logged for the failed revalidations')
  check(
    lines.some((line) => line.includes('ECONNREFUSED')),
    `the log does not say the connection was refused:\n${lines.slice(0, 3).join('\n')}`,
  )
})

it('lake stopped: a page never rendered before fails with a 5xx, not a cached error, and the reader sees our error page', async () => {
  await expectFailureNotHang('lake stopped')
  // app/global-error.tsx, drawn in the browser in place of Next's own error screen.
  const seen = await seenInBrowser(siteUrl + neverCached)
  check(seen.status === 500, `in the browser, ${neverCached} answered ${seen.status}, expected 500`)
  check(seen.heading === 'This page couldn’t load', `in the browser, ${neverCached} shows the heading ${JSON.stringify(seen.heading)}`)
  check(
    seen.journalLink === '/blog',
    `in the browser, ${neverCached} has no link back to the journal (${JSON.stringify(seen.journalLink)})`,
  )
})

it('source answers 500: pages stay 200 with the last good content, the log names the status', async () => {
  const source = await fakeSource(lake.port, 'error')
  try {
    const before = failuresLogged().length
    check((await sendWebhook(siteUrl, secret, change)).status === 200, 'webhook refused')
    await expectLastGoodPages('source answering 500')
    await eventually(async () =>
      failuresLogged()
        .slice(before)
        .some((line) => line.includes('HTTP 500')),
    )
    await expectLastGoodPages('source answering 500, after the failed revalidation')
    await expectFailureNotHang('source answering 500')
    check(source.requests() > 0, 'the site never asked the failing source')
    const lines = failuresLogged().slice(before)
    check(
      lines.some((line) => line.includes('HTTP 500')),
      `the log does not name the 500:\n${lines.slice(0, 3).join('\n')}`,
    )
  } finally {
    await source.close()
  }
})

it(`source never answers: cached pages are served, an unseen page fails within the ${FETCH_TIMEOUT_MS} ms timeout, no connection stays open`, async () => {
  const source = await fakeSource(lake.port, 'hang')
  try {
    const before = failuresLogged().length
    check((await sendWebhook(siteUrl, secret, change)).status === 200, 'webhook refused')
    await expectLastGoodPages('source hanging')
    const page = await expectFailureNotHang('source hanging')
    console.log(`      (the unseen page failed after ${Math.round(page.ms)} ms; fetch timeout ${FETCH_TIMEOUT_MS} ms)`)
    await eventually(async () =>
      failuresLogged()
        .slice(before)
        .some((line) => line.includes(`no answer within ${FETCH_TIMEOUT_MS} ms`)),
    )
    await expectLastGoodPages('source hanging, after the revalidation timed out')
    const lines = failuresLogged().slice(before)
    check(
      lines.some((line) => line.includes(`no answer within ${FETCH_TIMEOUT_MS} ms`)),
      `the log does not name the timeout:\n${lines.slice(0, 3).join('\n')}`,
    )
    // A request given up on must also let go of its connection: a socket left waiting on a source
    // that never answers would be held until the source's side gives up (Node's server: 300 s).
    const released = await eventually(async () => source.openSockets() === 0, { timeoutMs: FETCH_TIMEOUT_MS * 4 })
    check(
      released,
      `${source.openSockets()} connection(s) to the hanging source still open ${FETCH_TIMEOUT_MS * 4} ms after the renders gave up`,
    )
  } finally {
    await source.close()
  }
})

it('lake back: the next publish reaches the article and the index', async () => {
  await lake.start()
  const edited = `Published after the outage ${run}`
  await lakeMutate(lakeUrl, token, [{ patch: { id: post._id, set: { title: edited } } }])
  for (const path of [`/blog/${slug}`, '/blog', `/blog/category/${refs.category.slug}`]) {
    let last = null
    const shown = await eventually(
      async () => {
        last = await get(siteUrl + path)
        return last.status === 200 && last.text.includes(edited)
      },
      { timeoutMs: 30_000 },
    )
    check(
      shown,
      `${path} did not show the edit after the lake came back (status ${last?.status}, title ${JSON.stringify(titleOf(last?.text ?? ''))})`,
    )
  }
  const missing = await get(siteUrl + neverCached)
  check(missing.status === 404, `${neverCached} answered ${missing.status} once the lake was back, expected 404`)
  await lakeMutate(lakeUrl, token, [{ delete: { id: post._id } }])
})
