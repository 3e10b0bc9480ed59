#!/usr/bin/env node
// How late a moment written in the content takes effect on a cached page: 10 times an offer ends
// and 10 times one starts, a few seconds after the article was cached with it, with nobody
// publishing at the moment; the article is polled every 20 ms from the moment until its answer
// changes. Prints median and worst per kind; pass/fail is not its job.
//
//   npm run bench:moments [-- --runs 10]
import { lakeMutate, lakeQuery } from './lib/lake-client.mjs'
import { withStack } from './lib/stack.mjs'
import { load, machine, median } from './lib/stats.mjs'

const runsArg = process.argv.indexOf('--runs')
const RUNS = runsArg === -1 ? 10 : Number(process.argv[runsArg + 1])
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs needs a whole number')
const LEAD_MS = 4000

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))

async function main() {
  const results = await withStack({ quiet: true }, async ({ siteUrl, lakeUrl, env }) => {
    const token = env.LOCAL_LAKE_TOKEN
    const cta = await lakeQuery(lakeUrl, '*[_id == "siteSettings"][0].defaultCta._ref')
    const { code } = await lakeQuery(lakeUrl, '*[_id == $id][0].offer', { id: cta })
    const slug = await lakeQuery(
      lakeUrl,
      '*[_type == "post" && defined(slug.current) && !defined(cta)] | order(publishedAt desc)[0].slug.current',
    )
    const page = `${siteUrl}/blog/${slug}`
    const shows = async () => new RegExp(`class="booking-cta__code"[^>]*>${code}<`, 'u').test(await (await fetch(page)).text())

    /** Sets the window, waits until the article is cached with its moment, then times the change. */
    async function transition(kind) {
      const moment = Date.now() + LEAD_MS
      const window =
        kind === 'end'
          ? { 'offer.startsAt': null, 'offer.endsAt': new Date(moment).toISOString() }
          : { 'offer.startsAt': new Date(moment).toISOString(), 'offer.endsAt': null }
      await lakeMutate(lakeUrl, token, [{ patch: { id: cta, set: window } }])
      const marker = kind === 'end' ? `expires=${new Date(moment + 1).toISOString()}` : `stale=${new Date(moment).toISOString()}`
      for (;;) {
        const response = await fetch(page)
        await response.text()
        if (response.headers.get('x-nextjs-cache') === 'HIT' && (response.headers.get('x-content-moments') ?? '').includes(marker)) break
        if (Date.now() > moment) throw new Error(`the article was not cached with its moment before the ${kind}`)
        await sleep(50)
      }
      await sleep(moment - Date.now())
      const wanted = kind === 'start'
      for (;;) {
        if ((await shows()) === wanted) return Date.now() - moment
        if (Date.now() - moment > 30_000) throw new Error(`the offer's ${kind} did not reach the article within 30 s`)
        await sleep(20)
      }
    }

    const ends = []
    const starts = []
    for (let run = 0; run < RUNS; run++) {
      ends.push(await transition('end'))
      starts.push(await transition('start'))
    }
    return { ends, starts }
  })
  const row = (name, values) => `| ${name} | ${median(values).toFixed(0)} ms | ${Math.max(...values).toFixed(0)} ms |`
  console.log(`\nMoments in the content, ${RUNS} transitions each (${machine()}; ${load()})\n`)
  console.log('| from the moment until the cached article changes | median | worst |')
  console.log('|---|---:|---:|')
  console.log(row("an offer's end (its code gone)", results.ends))
  console.log(row("an offer's start (its code shown)", results.starts))
}

main().catch((error) => {
  console.error(`\n✖ ${error.message}`)
  process.exit(1)
})
