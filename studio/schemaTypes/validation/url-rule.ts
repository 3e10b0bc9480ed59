/**
 * A field validator over a parsed URL: an empty field passes (required-ness is a separate rule),
 * a value that is no absolute URL gets `hint`, and anything else is up to `check`.
 */
export function urlRule(hint: string, check: (url: URL, value: string) => true | string) {
  return (value: string | undefined): true | string => {
    if (value === undefined) return true
    let url: URL
    try {
      url = new URL(value)
    } catch {
      return hint
    }
    return check(url, value)
  }
}
