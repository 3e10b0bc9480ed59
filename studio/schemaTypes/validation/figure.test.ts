import { describe, expect, it } from 'vitest'

import { figureHasImage, validateAltText, validateFigureImage } from './figure'

const uploaded = { _type: 'figure', asset: { _type: 'reference', _ref: 'image-abc-800x600-jpg' } }
const seeded = { _type: 'figure', _sanityAsset: 'image@file://./images/calm.jpg' }

describe('figureHasImage', () => {
  it('recognises uploaded and to-be-imported images', () => {
    expect(figureHasImage(uploaded)).toBe(true)
    expect(figureHasImage(seeded)).toBe(true)
    expect(figureHasImage({ _type: 'figure', alt: 'x' })).toBe(false)
  })
})

describe('validateFigureImage', () => {
  it('accepts a missing figure (required is a separate rule)', () => {
    expect(validateFigureImage(undefined)).toBe(true)
  })

  it('treats the figure a new document starts with as absent, unless the image is required', () => {
    // What the Studio stores for an untouched image field: the `decorative` field's initial value.
    const untouched = { _type: 'figure', decorative: false }
    expect(validateFigureImage(untouched)).toBe(true)
    expect(validateFigureImage(untouched, { required: true })).toMatch(/image/)
    expect(validateFigureImage(undefined, { required: true })).toMatch(/image/)
    expect(validateFigureImage(uploaded, { required: true })).toBe(true)
    // Anything an editor typed makes the figure real, and then it needs its image.
    expect(validateFigureImage({ ...untouched, alt: 'Calm' })).toMatch(/image/)
    expect(validateFigureImage({ ...untouched, decorative: true })).toMatch(/image/)
  })

  it('rejects a figure without an image', () => {
    expect(validateFigureImage({ _type: 'figure', caption: 'Calm' })).toMatch(/image/)
    expect(validateFigureImage(uploaded)).toBe(true)
  })
})

describe('validateAltText', () => {
  it('requires alt text on an image that is not decorative', () => {
    expect(validateAltText(undefined, uploaded)).toMatch(/Describe the image/)
    expect(validateAltText('   ', seeded)).toMatch(/Describe the image/)
    expect(validateAltText('A therapist at work', uploaded)).toBe(true)
  })

  it('does not require alt text on decorative images', () => {
    expect(validateAltText(undefined, { ...uploaded, decorative: true })).toBe(true)
  })

  it('does not require alt text before an image is chosen', () => {
    expect(validateAltText(undefined, { _type: 'figure' })).toBe(true)
  })
})
