/**
 * The `data-sanity` attribute for a value, or no prop at all. An attribute set to undefined is
 * left out of the HTML, but React Server Components still name it in the page's flight data
 * (`"data-sanity":"$undefined"`), so public pages must not pass the prop at all.
 */
export function editProps(value: string | undefined): { 'data-sanity'?: string } {
  return value === undefined ? {} : { 'data-sanity': value }
}
