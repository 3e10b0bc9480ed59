/*
 * The dataset folder keeps images the way `sanity dataset export` writes them:
 * `{"_sanityAsset": "image@file://./images/<file>", ...}`. In memory they are ordinary asset
 * references, so GROQ sees what it would see in the hosted Content Lake; on write they go back.
 */

const SANITY_ASSET_PREFIX = 'image@file://./images/'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The file name inside images/ that a `_sanityAsset` value points to. */
export function parseSanityAsset(value: string): string {
  if (!value.startsWith(SANITY_ASSET_PREFIX)) {
    throw new Error(
      `unsupported _sanityAsset "${value}" (only "image@file://./images/<file>" is supported)`,
    )
  }
  const fileName = decodeURIComponent(value.slice(SANITY_ASSET_PREFIX.length))
  if (fileName === '' || fileName.includes('/') || fileName.includes('\\') || fileName.startsWith('.')) {
    throw new Error(`_sanityAsset "${value}" must name a file directly inside images/`)
  }
  return fileName
}

export function sanityAssetValue(fileName: string): string {
  return `${SANITY_ASSET_PREFIX}${fileName}`
}

/**
 * Replaces every `_sanityAsset` (at any depth) with an asset reference; `assetIdFor` throws for
 * unknown files. Works in place on a freshly parsed value (only objects holding a `_sanityAsset`
 * are rebuilt, keeping their key order), because a large dataset can't afford a full copy.
 */
export function withAssetReferences(value: unknown, assetIdFor: (fileName: string) => string): unknown {
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

/** The reverse of withAssetReferences for assets backed by a file in images/. */
export function withSanityAssets(
  value: unknown,
  fileNameFor: (assetId: string) => string | undefined,
): unknown {
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

function fileBackedAsset(
  field: unknown,
  fileNameFor: (assetId: string) => string | undefined,
): string | undefined {
  if (!isRecord(field) || typeof field._ref !== 'string') return undefined
  // Only a plain reference round-trips to `_sanityAsset`; anything richer is kept as is.
  const keys = Object.keys(field).filter((key) => key !== '_type' && key !== '_ref')
  if (keys.length > 0) return undefined
  return fileNameFor(field._ref)
}
