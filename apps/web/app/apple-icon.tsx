import { ImageResponse } from 'next/og'

import { BrandMark, canvas, palette } from '@/lib/brand'

/*
 * The home-screen icon: app/icon.svg's mark (a still point inside a ring) drawn full-bleed, since
 * iOS rounds the corners itself. No text, so no font is needed. Also the publisher logo in the
 * articles' JSON-LD.
 */

export const size = { width: 180, height: 180 }
export const contentType = 'image/png'

export default function AppleIcon() {
  return new ImageResponse(
    <div style={{ ...canvas, alignItems: 'center', justifyContent: 'center', background: palette.accent }}>
      <BrandMark diameter={96} stroke={12} dot={30} color={palette.bg} />
    </div>,
    size,
  )
}
