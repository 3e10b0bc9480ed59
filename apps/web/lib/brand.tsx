import type { CSSProperties } from 'react'

/** The site's calm palette (app/(site)/globals.css), for images drawn with next/og. */
export const palette = {
  bg: '#f6f3ee',
  ink: '#1f2421',
  inkSoft: '#4a524d',
  accent: '#2f5d4a',
  accentSoft: '#dfe9e2',
}

/** The root of a next/og image: the whole canvas, laid out with flexbox (next/og's only layout). */
export const canvas: CSSProperties = { width: '100%', height: '100%', display: 'flex' }

/** The brand's mark, app/icon.svg's still point inside a ring, as next/og draws it. */
export function BrandMark({ diameter, stroke, dot, color }: { diameter: number; stroke: number; dot: number; color: string }) {
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: diameter,
        height: diameter,
        borderRadius: 9999,
        border: `${stroke}px solid ${color}`,
      }}
    >
      <div style={{ width: dot, height: dot, borderRadius: 9999, background: color }} />
    </div>
  )
}
