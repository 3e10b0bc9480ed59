/** A least-recently-used cache bounded by the total size of its values. */
export class ByteLruCache<V extends { byteLength: number }> {
  private readonly entries = new Map<string, V>()
  private bytes = 0

  constructor(private readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key)
    if (value === undefined) return undefined
    // Re-insert to mark as most recently used (Map keeps insertion order).
    this.entries.delete(key)
    this.entries.set(key, value)
    return value
  }

  set(key: string, value: V): void {
    if (value.byteLength > this.maxBytes) return
    const existing = this.entries.get(key)
    if (existing) {
      this.bytes -= existing.byteLength
      this.entries.delete(key)
    }
    this.entries.set(key, value)
    this.bytes += value.byteLength
    for (const [oldestKey, oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.entries.delete(oldestKey)
      this.bytes -= oldest.byteLength
    }
  }

  get size(): number {
    return this.entries.size
  }

  get totalBytes(): number {
    return this.bytes
  }
}
