/*
 * The dataset folder keeps images and files the way `sanity dataset export` writes them:
 * `{"_sanityAsset": "image@file://./images/<file>", ...}` (and `file@file://./files/<file>`).
 * In memory they are ordinary asset references, so GROQ sees what it would see in the hosted
 * Content Lake; on write they go back.
 */

export type AssetKind = 'image' | 'file'

/** A file of the dataset folder that backs an asset: `images/<fileName>` or `files/<fileName>`. */
export interface AssetFileRef {
  kind: AssetKind
  fileName: string
}

const PREFIXES: Record<AssetKind, string> = { image: 'image@file://./images/', file: 'file@file://./files/' }

export function assetFolder(kind: AssetKind): string {
  return kind === 'image' ? 'images' : 'files'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The file inside images/ or files/ that a `_sanityAsset` value points to. */
export function parseSanityAsset(value: string): AssetFileRef {
  const kind = (Object.keys(PREFIXES) as AssetKind[]).find((candidate) => value.startsWith(PREFIXES[candidate]))
  if (!kind) {
    throw new Error(`unsupported _sanityAsset "${value}" (expected "image@file://./images/<file>" or "file@file://./files/<file>")`)
  }
  const fileName = decodeURIComponent(value.slice(PREFIXES[kind].length))
  if (fileName === '' || fileName.includes('/') || fileName.includes('\\') || fileName.startsWith('.')) {
    throw new Error(`_sanityAsset "${value}" must name a file directly inside ${assetFolder(kind)}/`)
  }
  return { kind, fileName }
}

export function sanityAssetValue(file: AssetFileRef): string {
  return `${PREFIXES[file.kind]}${file.fileName}`
}

/**
 * Replaces every `_sanityAsset` (at any depth) with an asset reference; `assetIdFor` throws for
 * unknown files. Works in place on a freshly parsed value (only objects holding a `_sanityAsset`
 * are rebuilt, keeping their key order), because a large dataset can't afford a full copy.
 */
export function withAssetReferences(value: unknown, assetIdFor: (file: AssetFileRef) => string): unknown {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = withAssetReferences(value[index], assetIdFor)
    return value
  }
  if (!isRecord(value)) return value
  const holdsAsset = typeof value._sanityAsset === 'string'
  const out: Record<string, unknown> = holdsAsset ? {} : value
  for (const [key, field] of Object.entries(value)) {
    if (holdsAsset && key === '_sanityAsset') {
      out.asset = { _type: 'reference', _ref: assetIdFor(parseSanityAsset(String(field))) }
    } else if (typeof field === 'object' && field !== null) {
      out[key] = withAssetReferences(field, assetIdFor)
    } else if (holdsAsset) {
      out[key] = field
    }
  }
  return out
}

/** The reverse of withAssetReferences for assets backed by a file in images/ or files/. */
export function withSanityAssets(value: unknown, fileNameFor: (assetId: string) => AssetFileRef | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => withSanityAssets(item, fileNameFor))
  if (!isRecord(value)) return value
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) {
    const fileName = key === 'asset' ? fileBackedAsset(field, fileNameFor) : undefined
    if (fileName !== undefined) {
      out._sanityAsset = sanityAssetValue(fileName)
    } else {
      out[key] = withSanityAssets(field, fileNameFor)
    }
  }
  return out
}

function fileBackedAsset(field: unknown, fileNameFor: (assetId: string) => AssetFileRef | undefined): AssetFileRef | undefined {
  if (!isRecord(field) || typeof field._ref !== 'string') return undefined
  // Only a plain reference round-trips to `_sanityAsset`; anything richer is kept as is.
  const keys = Object.keys(field).filter((key) => key !== '_type' && key !== '_ref')
  if (keys.length > 0) return undefined
  return fileNameFor(field._ref)
}
