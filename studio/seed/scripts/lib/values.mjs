// Builders for the small value shapes that repeat across the seed documents
// (see docs/contracts.md for the shapes).

import { imageByFile } from '../../source/images.mjs';

/** @param {string} id */
export const reference = (id) => ({ _type: 'reference', _ref: id });

/** @param {string} current */
export const slug = (current) => ({ _type: 'slug', current });

/**
 * A figure value in `sanity dataset export` form. Alt text comes from the image manifest
 * unless a caller overrides it for a particular use.
 * @param {string} file
 * @param {{ caption?: string, credit?: string, alt?: string }} [options]
 */
export function figure(file, { caption, credit, alt } = {}) {
  const image = imageByFile(file);
  return {
    _type: 'figure',
    _sanityAsset: `image@file://./images/${file}`,
    // Studio writes crop and hotspot together; an uncropped image has a zero crop.
    ...(image.hotspot
      ? {
          crop: { _type: 'sanity.imageCrop', top: 0, bottom: 0, left: 0, right: 0 },
          hotspot: { _type: 'sanity.imageHotspot', ...image.hotspot },
        }
      : {}),
    alt: alt ?? image.alt,
    ...(caption ? { caption } : {}),
    ...(credit ? { credit } : {}),
  };
}
