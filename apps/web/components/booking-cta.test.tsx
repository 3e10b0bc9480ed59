import { act, fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'

import { cta, offer } from '@/test/fixtures'
import { BookingCta } from './booking-cta'
import { CLIPBOARD_TIMEOUT_MS } from './copy-code-button'

describe('BookingCta', () => {
  it('shows the offer in plain words, the code and the booking link', () => {
    render(<BookingCta cta={cta()} placement="closing" />)
    expect(screen.getByText('Use code BLOG for $10 off your first session — 30 minutes and up')).toBeInTheDocument()
    expect(screen.getByText('BLOG').tagName).toBe('CODE')
    const link = screen.getByRole('link', { name: 'Book a session' })
    const params = new URL(link.getAttribute('href') ?? '').searchParams
    for (const key of ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content']) expect(params.has(key)).toBe(true)
  })

  it('shows the CTA without any code when there is no live offer', () => {
    render(<BookingCta cta={cta({ offer: null })} placement="closing" />)
    expect(screen.getByRole('link', { name: 'Book a session' })).toBeInTheDocument()
    expect(screen.queryByText(/Use code/u)).toBeNull()
    expect(screen.queryByRole('button', { name: /copy/iu })).toBeNull()
  })

  it('copies the code and announces it to screen readers', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    render(<BookingCta cta={cta({ offer: offer({ code: 'CALM20' }) })} placement="inline" />)
    const button = screen.getByRole('button', { name: 'Copy code CALM20' })
    expect(button).toBeVisible()
    await act(async () => {
      fireEvent.click(button)
    })
    expect(writeText).toHaveBeenCalledWith('CALM20')
    expect(screen.getByRole('status')).toHaveTextContent('Copied CALM20')
    expect(button).toHaveTextContent('Copied')
  })

  it('falls back to the copy command when the Clipboard API never answers', async () => {
    vi.useFakeTimers()
    try {
      const writeText = vi.fn(() => new Promise<void>(() => undefined))
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
      const execCommand = vi.fn(() => true)
      Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true })
      render(<BookingCta cta={cta({ offer: offer({ code: 'CALM20' }) })} placement="inline" />)
      const button = screen.getByRole('button', { name: 'Copy code CALM20' })
      await act(async () => {
        fireEvent.click(button)
      })
      expect(screen.getByRole('status')).toHaveTextContent('')
      await act(async () => {
        await vi.advanceTimersByTimeAsync(CLIPBOARD_TIMEOUT_MS)
      })
      expect(execCommand).toHaveBeenCalledWith('copy')
      expect(screen.getByRole('status')).toHaveTextContent('Copied CALM20')
    } finally {
      vi.useRealTimers()
    }
  })
})
