import { describe, expect, it } from 'vitest'

import { drawableText, titleFontSize } from './og-text'

describe('drawableText', () => {
  it('keeps Latin text, curly quotes and dashes', () => {
    expect(drawableText('“Why does my back hurt?” — a therapist’s answer')).toBe('“Why does my back hurt?” — a therapist’s answer')
    expect(drawableText('Crème brûlée, Łódź & São Paulo')).toBe('Crème brûlée, Łódź & São Paulo')
  })

  it('drops emoji and scripts the bundled font lacks, and tidies the spaces left behind', () => {
    expect(drawableText('Sleep better 😴 tonight 👩‍⚕️')).toBe('Sleep better tonight')
    expect(drawableText('Rest 休息 well')).toBe('Rest well')
    expect(drawableText('Tabs\tand\nnewlines')).toBe('Tabs and newlines')
  })

  it('cuts long text at a word with an ellipsis', () => {
    const text = 'word '.repeat(40).trim()
    const cut = drawableText(text, 30)
    expect(Array.from(cut).length).toBeLessThanOrEqual(30)
    expect(cut.endsWith('word…')).toBe(true)
  })
})

describe('titleFontSize', () => {
  it('steps down as titles grow', () => {
    expect(titleFontSize('Short title')).toBe(80)
    expect(titleFontSize('x'.repeat(60))).toBe(66)
    expect(titleFontSize('x'.repeat(110))).toBe(54)
  })
})
