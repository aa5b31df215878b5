/** A search for the address on OpenStreetMap: a plain link, so the page itself loads nothing from a map service. */
export function mapSearchUrl(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address.replace(/\s+/g, ' ').trim())}`;
}
