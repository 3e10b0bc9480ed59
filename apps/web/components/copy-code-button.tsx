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
  const ready = useSyncExternalStore(subscribeToNothing, () => true, () => false)
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle')
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => {
    return () => {
      if (timer.current) clearTimeout(timer.current)
    }
  }, [])

  async function copy() {
    let ok = false
    try {
      await navigator.clipboard.writeText(code)
      ok = true
    } catch {
      ok = fallbackCopy(code)
    }
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
