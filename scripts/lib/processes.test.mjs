import { afterEach, describe, expect, it } from 'vitest'

import { portFromEnv } from './processes.mjs'

const saved = process.env.JOURNAL_TEST_PORT
afterEach(() => {
  if (saved === undefined) delete process.env.JOURNAL_TEST_PORT
  else process.env.JOURNAL_TEST_PORT = saved
})

describe('portFromEnv', () => {
  it('reads the variable, or takes the default when it is unset or blank', () => {
    process.env.JOURNAL_TEST_PORT = ' 4100 '
    expect(portFromEnv('JOURNAL_TEST_PORT', 3000)).toBe(4100)
    process.env.JOURNAL_TEST_PORT = ''
    expect(portFromEnv('JOURNAL_TEST_PORT', 3000)).toBe(3000)
    delete process.env.JOURNAL_TEST_PORT
    expect(portFromEnv('JOURNAL_TEST_PORT', 3030)).toBe(3030)
  })

  it('stops with a message naming the variable for anything but a port number', () => {
    for (const value of ['abc', '0', '65536', '80.5', '-1']) {
      process.env.JOURNAL_TEST_PORT = value
      expect(() => portFromEnv('JOURNAL_TEST_PORT', 3000)).toThrow(`JOURNAL_TEST_PORT must be a port number, got "${value}"`)
    }
  })
})
