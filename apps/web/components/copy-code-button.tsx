'use client'

import { useEffect, useRef, useState, useSyncExternalStore } from 'react'

interface CopyCodeButtonProps {
  code: string
}

/**
 * The only client component on an article page. Without JavaScript the code stays selectable
 * text beside a hidden button; with it, one press copies the code and a live region tells screen
 * readers it worked.
 */
export function CopyCodeButton({ code }: CopyCodeButtonProps) {
  // false while server-rendering (and for visitors without JavaScript), true once hydrated
  const ready = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  )
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle')
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => {
    return () => {
      if (timer.current) clearTimeout(timer.current)
    }
  }, [])

  async function copy() {
    const ok = (await clipboardWrite(code)) || fallbackCopy(code)
    setStatus(ok ? 'copied' : 'failed')
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => setStatus('idle'), 2500)
  }

  return (
    <>
      <button type="button" className="copy-code" hidden={!ready} onClick={copy} aria-label={`Copy code ${code}`}>
        {status === 'copied' ? 'Copied' : 'Copy code'}
      </button>
      <span role="status" aria-live="polite" className="visually-hidden">
        {status === 'copied' ? `Copied ${code}` : status === 'failed' ? 'Copy failed, select the code instead' : ''}
      </span>
    </>
  )
}

function subscribeToNothing(): () => void {
  return () => undefined
}

/** How long the Clipboard API may take before the older copy command is used instead. */
export const CLIPBOARD_TIMEOUT_MS = 1000

/**
 * The Clipboard API, or false when it is missing, refuses, or has not answered within
 * CLIPBOARD_TIMEOUT_MS (seen in Chromium under load: the promise stayed pending for seconds, and
 * the button gave no feedback at all).
 */
async function clipboardWrite(text: string): Promise<boolean> {
  if (!navigator.clipboard?.writeText) return false
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    return await Promise.race([
      navigator.clipboard.writeText(text).then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), CLIPBOARD_TIMEOUT_MS)
      }),
    ])
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}

function fallbackCopy(text: string): boolean {
  const field = document.createElement('textarea')
  field.value = text
  field.setAttribute('readonly', '')
  field.style.position = 'fixed'
  field.style.opacity = '0'
  document.body.appendChild(field)
  field.select()
  let ok = false
  try {
    ok = document.execCommand('copy')
  } catch {
    ok = false
  }
  field.remove()
  return ok
}
