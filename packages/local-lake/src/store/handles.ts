import type { LakeDocument } from '../types.js'

/*
 * Handles let a planned query tell the lake which document a correlated subquery's `^` is (see
 * query/plan.ts). A handle is a non-enumerable attribute, so JSON, object splats, groq-js's
 * deepEqual and write-back never see it; only an attribute access by this exact name does. It
 * is set once per document object (documents are never changed in place: a write makes a new
 * object), and the registry finds the object again without keeping it alive.
 */
export const HANDLE = '\u0000lake-handle'

let nextHandle = 1
const registry = new Map<string, WeakRef<LakeDocument>>()
const forget = new FinalizationRegistry<string>((handle) => {
  if (!registry.get(handle)?.deref()) registry.delete(handle)
})

export function assignHandle(document: LakeDocument): void {
  if (Object.prototype.hasOwnProperty.call(document, HANDLE)) return
  const handle = String(nextHandle++)
  Object.defineProperty(document, HANDLE, { value: handle, enumerable: false, writable: false, configurable: false })
  registry.set(handle, new WeakRef(document))
  forget.register(document, handle)
}

export function documentWithHandle(handle: string): LakeDocument | undefined {
  return registry.get(handle)?.deref()
}
