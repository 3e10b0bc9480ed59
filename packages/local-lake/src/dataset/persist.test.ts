import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isTempDataFile, writeFileAtomic } from './persist.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'local-lake-persist-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('writeFileAtomic', () => {
  it('replaces the file through a temp file renamed over it', async () => {
    const path = join(dir, 'data.ndjson')
    await writeFile(path, 'old\n')
    const before = await stat(path)
    let tempSeen: string | undefined
    await writeFileAtomic(path, 'new\n', {
      beforeRename: async (tempPath) => {
        tempSeen = tempPath
        // The complete new content is on disk before the rename; the target is still the old file.
        expect(await readFile(tempPath, 'utf8')).toBe('new\n')
        expect(await readFile(path, 'utf8')).toBe('old\n')
      },
    })
    expect(await readFile(path, 'utf8')).toBe('new\n')
    expect((await stat(path)).ino).not.toBe(before.ino)
    expect(tempSeen && isTempDataFile(tempSeen.slice(dir.length + 1))).toBe(true)
    expect(await readdir(dir)).toEqual(['data.ndjson'])
  })

  it('leaves the old file intact when the write fails before the rename', async () => {
    const path = join(dir, 'data.ndjson')
    await writeFile(path, '{"_id":"a"}\n')
    await expect(
      writeFileAtomic(path, '{"_id":"b"}\n', {
        beforeRename: () => {
          throw new Error('simulated crash')
        },
      }),
    ).rejects.toThrow('simulated crash')
    expect(await readFile(path, 'utf8')).toBe('{"_id":"a"}\n')
    expect(await readdir(dir)).toEqual(['data.ndjson'])
  })

  it('writes byte chunks in order, more than one system call takes', async () => {
    const path = join(dir, 'data.ndjson')
    const lines = Array.from({ length: 2500 }, (_, index) => `{"_id":"doc-${index}","text":"naïve — ${'x'.repeat(index % 50)}"}`)
    const newline = Buffer.from('\n')
    await writeFileAtomic(
      path,
      lines.flatMap((line) => [Buffer.from(line), newline]),
    )
    expect(await readFile(path, 'utf8')).toBe(`${lines.join('\n')}\n`)
  })
})
