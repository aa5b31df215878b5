/**
 * The URL if a link to it is safe to render (http, https, or a path on this
 * origin), else null: addresses from the API never become `javascript:` links.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}
