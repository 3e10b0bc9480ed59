import type { Viewport } from 'next'

/** The browser chrome's colour: app/(site)/globals.css's --bg in each scheme. */
export const THEME_COLORS: NonNullable<Viewport['themeColor']> = [
  { media: '(prefers-color-scheme: light)', color: '#f6f3ee' },
  { media: '(prefers-color-scheme: dark)', color: '#161917' },
]
