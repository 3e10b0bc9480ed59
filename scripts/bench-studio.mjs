#!/usr/bin/env node
// The editors' figures, in Chromium against the built Studio on the local lake (the npm start
// stack, on free ports): how long a fresh Studio takes to show the desk with the posts listed,
// and how long from the Publish click until the article serves the change. Prints a table;
// pass/fail is not its job.
//
//   npm run bench:studio [-- --runs 10]
import { chromium } from 'playwright-core'

import { CHROMIUM_FLAGS, findChromium } from './lib/chromium.mjs'
import { lakeQuery } from './lib/lake-client.mjs'
import { withStack } from './lib/stack.mjs'
import { load, machine, median } from './lib/stats.mjs'

const runsArg = process.argv.indexOf('--runs')
const RUNS = runsArg === -1 ? 10 : Number(process.argv[runsArg + 1])
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs needs a whole number')

/** A new browser profile each time (nothing cached), from navigation to the first listed post. */
async function firstLoad(browser, studioUrl, title) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  try {
    const page = await context.newPage()
    const started = Date.now()
    await page.goto(`${studioUrl}/structure/posts;allPosts`)
    await page.getByRole('option').filter({ hasText: title }).first().waitFor({ timeout: 60_000 })
    return Date.now() - started
  } finally {
    await context.close()
  }
}

/** Changes a post's title in the Studio, clicks Publish, and polls the article until it shows. */
async function publishToVisible(page, { studioUrl, siteUrl, post, run }) {
  await page.goto(`${studioUrl}/intent/edit/id=${post._id};type=post`)
  const input = page.getByRole('textbox', { name: 'Title' })
  await input.waitFor({ timeout: 60_000 })
  const title = `${post.title} (bench ${run})`
  await input.fill(title)
  await page.getByText('Saved', { exact: true }).waitFor()
  const publish = page.locator('[data-testid="action-publish"]')
  await publish.waitFor()
  while (await publish.isDisabled()) await page.waitForTimeout(20)
  await publish.click()
  const clicked = Date.now()
  const escaped = title
    .replaceAll('&', '&amp;')
    .replaceAll("'", '&#x27;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
  for (;;) {
    const html = await (await fetch(`${siteUrl}/blog/${post.slug}`)).text()
    if (html.includes(escaped)) return Date.now() - clicked
    if (Date.now() - clicked > 30_000) throw new Error(`publish ${run} not visible after 30 s`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function main() {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS })
  try {
    const results = await withStack({ quiet: true, studio: true }, async ({ siteUrl, lakeUrl, studioUrl }) => {
      const newest = await lakeQuery(lakeUrl, '*[_type == "post"] | order(publishedAt desc)[0].title')
      const post = await lakeQuery(
        lakeUrl,
        '*[_type == "post" && defined(slug.current)] | order(publishedAt desc)[1]{_id, title, "slug": slug.current}',
      )
      await firstLoad(browser, studioUrl, newest) // unmeasured: the Studio server's and the lake's first answers
      const loads = []
      for (let run = 0; run < RUNS; run++) loads.push(await firstLoad(browser, studioUrl, newest))
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
      const page = await context.newPage()
      const publishes = []
      for (let run = 0; run < RUNS; run++) publishes.push(await publishToVisible(page, { studioUrl, siteUrl, post, run }))
      await context.close()
      return { loads, publishes }
    })
    const row = (name, values) =>
      `| ${name} | ${median(values).toFixed(0)} ms | ${Math.max(...values).toFixed(0)} ms | ${Math.min(...values).toFixed(0)} ms |`
    console.log(`\nThe Studio on the local lake, ${RUNS} runs each (${machine()}; ${load()})\n`)
    console.log('| measure | median | worst | best |')
    console.log('|---|---:|---:|---:|')
    console.log(row('first load of a fresh Studio to the listed desk', results.loads))
    console.log(row('Publish click to the change on the article', results.publishes))
  } finally {
    await browser.close()
  }
}

main().catch((error) => {
  console.error(`\n✖ ${error.message}`)
  process.exit(1)
})
