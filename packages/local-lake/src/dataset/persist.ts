import { randomBytes } from 'node:crypto'
import { open, rename, rm, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export const DATA_FILE = 'data.ndjson'

const TEMP_FILE = /^\.data\.ndjson\.[0-9a-f]+\.tmp$/

export function isTempDataFile(name: string): boolean {
  return TEMP_FILE.test(name)
}

/** Test seam: lets a test fail the write between the temp file and the rename, as a crash would. */
export interface WriteHooks {
  beforeRename?: (tempPath: string) => void | Promise<void>
}

/**
 * Replaces `path` with `content` so that a crash at any point leaves either the old file or the
 * new one, never a partial one: write a temp file in the same folder, fsync it, rename it over
 * the target (atomic within one file system), then fsync the folder so the rename is durable.
 */
export async function writeFileAtomic(path: string, content: string | readonly Uint8Array[], hooks: WriteHooks = {}): Promise<void> {
  const folder = dirname(path)
  const tempPath = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const file = await open(tempPath, 'w', 0o644)
    try {
      if (typeof content === 'string') await file.writeFile(content, 'utf8')
      else await writeChunks(file, content)
      await file.sync()
    } finally {
      await file.close()
    }
    await hooks.beforeRename?.(tempPath)
    await rename(tempPath, path)
  } catch (error) {
    await rm(tempPath, { force: true })
    throw error
  }
  await syncFolder(folder)
}

// Operating systems cap the buffers one writev() takes (IOV_MAX, 1024 on Linux).
const CHUNKS_PER_WRITE = 1024

/** Writes byte chunks in order, a batch per system call (a 10,000-document file is ~20,000 chunks). */
async function writeChunks(file: FileHandle, chunks: readonly Uint8Array[]): Promise<void> {
  for (let first = 0; first < chunks.length; first += CHUNKS_PER_WRITE) {
    let batch = chunks.slice(first, first + CHUNKS_PER_WRITE)
    let remaining = batch.reduce((sum, chunk) => sum + chunk.byteLength, 0)
    while (remaining > 0) {
      const { bytesWritten } = await file.writev(batch)
      remaining -= bytesWritten
      if (remaining > 0) batch = skipBytes(batch, bytesWritten)
    }
  }
}

/** The chunks after the first `count` bytes (after a short write). */
function skipBytes(chunks: readonly Uint8Array[], count: number): Uint8Array[] {
  const rest: Uint8Array[] = []
  let skip = count
  for (const chunk of chunks) {
    if (skip >= chunk.byteLength) skip -= chunk.byteLength
    else {
      rest.push(skip > 0 ? chunk.subarray(skip) : chunk)
      skip = 0
    }
  }
  return rest
}

async function syncFolder(folder: string): Promise<void> {
  // Not every platform can open a folder for fsync (Windows); the rename is still atomic there.
  const handle = await open(folder, 'r').catch(() => undefined)
  if (!handle) return
  try {
    await handle.sync()
  } catch {
    // fsync on a folder is advisory on some file systems.
  } finally {
    await handle.close()
  }
}
