import { useEffect, useState } from 'react';
import { fetchSession } from '../auth/auth-api.ts';
import { useLinkAuth } from '../questions/use-link-auth.ts';
import type { ApiError } from '../shared/api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import type { EventAuth } from './room-api.ts';

export type RoomAuthState =
  | { status: 'checking' }
  | { status: 'ready'; auth: EventAuth }
  /** No link token and no organiser session. */
  | { status: 'none' }
  | { status: 'error'; error: ApiError };

/**
 * Who is entering the room: the link token from the address's fragment (moved to this tab's
 * sessionStorage and out of the address bar, before anything else happens), else a signed-in
 * organiser, whose session also gives the CSRF token the room's actions need.
 *
 * @example
 * const auth = useRoomAuth(slug);
 * if (auth.status === 'ready') useRoomView(slug, auth.auth);
 */
export function useRoomAuth(slug: string): RoomAuthState {
  const link = useLinkAuth('room', slug);
  const [state, setState] = useState<RoomAuthState>(() =>
    link.kind === 'token' ? { status: 'ready', auth: link } : { status: 'checking' },
  );

  useEffect(() => {
    if (link.kind === 'token') return;
    const controller = new AbortController();
    fetchSession(controller.signal).then(
      (session) => setState(session ? { status: 'ready', auth: { kind: 'session' } } : { status: 'none' }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [link]);

  return state;
}
