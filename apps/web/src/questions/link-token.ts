import type { EventAuth } from '../room/room-api.ts';

/** How a Q&A view acts: as the room API, by a link token or the organiser's session cookie. */
export type QaAuth = EventAuth;

/** A personal link token (43 base64url characters) or a staff link token (`fmp_` and 43 more). */
const TOKEN = /^(?:fmp_)?[A-Za-z0-9_-]{43}$/;

export interface LinkTokenPlace {
  hash: string;
  pathname: string;
  search: string;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  replaceUrl: (url: string) => void;
}

/**
 * The link token of a view opened as `…#<token>`. The token is in the fragment so
 * that it never reaches a server log; here it moves to sessionStorage (so a reload
 * keeps working) and leaves the address bar (so it is not shared by copying the
 * address, nor kept in the history). Without one, the view uses the organiser's session.
 *
 * @example
 * const auth = takeLinkToken('moderator', slug, { ...window.location, storage: sessionStorage, replaceUrl });
 */
export function takeLinkToken(view: string, slug: string, place: LinkTokenPlace): QaAuth {
  const key = `folkemote:${view}:${slug}`;
  const fromHash = decodeHash(place.hash);
  if (fromHash !== null && TOKEN.test(fromHash)) {
    try {
      place.storage.setItem(key, fromHash);
    } catch {
      // Storage can be full or blocked; the token still works for this page view.
    }
    place.replaceUrl(place.pathname + place.search);
    return { kind: 'token', token: fromHash };
  }
  let stored: string | null = null;
  try {
    stored = place.storage.getItem(key);
  } catch {
    stored = null;
  }
  return stored !== null && TOKEN.test(stored) ? { kind: 'token', token: stored } : { kind: 'session' };
}

function decodeHash(hash: string): string | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '') return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
