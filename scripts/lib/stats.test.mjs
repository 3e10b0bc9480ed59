import { createServer } from 'node:http'

import { describe, expect, it } from 'vitest'

import { freePort } from './processes.mjs'
import { loadTest, median, percentile } from './stats.mjs'

describe('median and percentile', () => {
  it('take the middle value, or the mean of the two middle ones, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })

  it('percentile is nearest-rank', () => {
    const values = Array.from({ length: 20 }, (_, index) => 20 - index) // 20 … 1
    expect(percentile(values, 95)).toBe(19)
    expect(percentile(values, 50)).toBe(10)
    expect(percentile(values, 100)).toBe(20)
    expect(percentile([7], 99)).toBe(7)
  })
})

describe('loadTest', () => {
  it('walks every path with the given headers and counts answers by status', async () => {
    const seen = new Map()
    const server = createServer((request, response) => {
      seen.set(request.url, request.headers['accept-encoding'])
      response.writeHead(request.url === '/missing' ? 404 : 200).end('ok')
    })
    const port = await freePort()
    await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve))
    try {
      const result = await loadTest({
        url: `http://127.0.0.1:${port}`,
        paths: ['/a', '/missing'],
        connections: 2,
        seconds: 1,
        headers: { 'accept-encoding': 'gzip' },
      })
      expect([...seen.keys()].sort()).toEqual(['/a', '/missing'])
      expect(seen.get('/a')).toBe('gzip')
      expect(result.statuses.get(200)).toBeGreaterThan(0)
      expect(result.statuses.get(404)).toBeGreaterThan(0)
      expect(result.non2xx).toBe(result.statuses.get(404))
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
