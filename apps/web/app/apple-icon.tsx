import { ImageResponse } from 'next/og'

/*
 * The home-screen icon: app/icon.svg's mark (a still point inside a ring) drawn full-bleed, since
 * iOS rounds the corners itself. No text, so no font is needed. Also the publisher logo in the
 * articles' JSON-LD.
 */

export const size = { width: 180, height: 180 }
export const contentType = 'image/png'

export default function AppleIcon() {
  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          background: '#2f5d4a',
        }}
      >
        <div
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            width: 96,
            height: 96,
            borderRadius: 9999,
            border: '12px solid #f6f3ee',
          }}
        >
          <div style={{ width: 30, height: 30, borderRadius: 9999, background: '#f6f3ee' }} />
        </div>
      </div>
    ),
    size,
  )
}
