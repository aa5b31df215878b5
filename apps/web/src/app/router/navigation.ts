/**
 * A small router on the History API: the app has a handful of pages, so a
 * routing library would cost more than it gives.
 */
const NAVIGATE_EVENT = 'folkemote:navigate';

export interface AppLocation {
  pathname: string;
  search: string;
  hash: string;
}

let cached: AppLocation | null = null;

/** The current location; the same object until the address changes, as useSyncExternalStore needs. */
export function readLocation(): AppLocation {
  const { pathname, search, hash } = window.location;
  if (!cached || cached.pathname !== pathname || cached.search !== search || cached.hash !== hash) {
    cached = { pathname, search, hash };
  }
  return cached;
}

export function subscribeToLocation(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/**
 * Moves to an in-app address without reloading the page. `replace` takes the
 * current entry's place in the history, for redirects that Back should skip.
 */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  const url = new URL(href, window.location.href);
  const current = window.location;
  if (url.pathname === current.pathname && url.search === current.search && url.hash === current.hash) return;
  const target = url.pathname + url.search + url.hash;
  if (options.replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
