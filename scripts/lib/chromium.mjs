import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

/** Flags that let Chromium run headless as root on a machine with no outside network. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Finds the OS's Chromium (CHROME_PATH wins). Nothing is ever downloaded: when it is missing and
 * we are root on Debian, it is installed from the OS packages; otherwise the error says how.
 */
export function findChromium() {
  const configured = process.env.CHROME_PATH
  if (configured) {
    if (existsSync(configured)) return configured
    throw new Error(`CHROME_PATH points to ${configured}, which does not exist`)
  }
  const found = CANDIDATES.find((candidate) => existsSync(candidate))
  if (found) return found
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log("[e2e] Chromium not found; installing Debian's chromium package (apt-get install chromium)")
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH.',
  )
}
