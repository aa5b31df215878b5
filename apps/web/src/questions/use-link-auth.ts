import { useState } from 'react';
import { type QaAuth, takeLinkToken } from './link-token.ts';

/**
 * The view's auth, taken once when the page opens: the token from the address
 * fragment (moved to sessionStorage and out of the address bar), else the one
 * stored for this view and event, else the organiser's session.
 *
 * @example
 * const auth = useLinkAuth('moderator', slug);
 */
export function useLinkAuth(view: string, slug: string): QaAuth {
  const [auth] = useState<QaAuth>(() =>
    takeLinkToken(view, slug, {
      hash: window.location.hash,
      pathname: window.location.pathname,
      search: window.location.search,
      storage: window.sessionStorage,
      replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
    }),
  );
  return auth;
}
