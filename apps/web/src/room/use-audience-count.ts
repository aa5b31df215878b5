import { useEffect, useState } from 'react';
import { requestJson } from '../shared/request-json.ts';
import { authHeaders, type EventAuth, roomPath } from './room-api.ts';

const EVERY_MS = 10_000;

/**
 * For staff: how many attendees have the room open, asked for every ten
 * seconds (a number that changes with every arrival would make the room view
 * change for everyone). Null until known, or when it cannot be had.
 */
export function useAudienceCount(slug: string, auth: EventAuth, enabled: boolean): number | null {
  const [watching, setWatching] = useState<number | null>(null);
  const token = auth.kind === 'token' ? auth.token : null;
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const current: EventAuth = token === null ? { kind: 'session' } : { kind: 'token', token };
    const load = () =>
      requestJson(roomPath(slug, '/room/audience'), {
        headers: authHeaders(current),
        cache: 'no-store',
        signal: controller.signal,
      }).then(
        (body) => {
          const n = (body as { watching?: unknown } | null)?.watching;
          setWatching(typeof n === 'number' ? n : null);
        },
        () => {
          if (!controller.signal.aborted) setWatching(null);
        },
      );
    void load();
    const timer = setInterval(() => void load(), EVERY_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [slug, token, enabled]);
  return watching;
}
