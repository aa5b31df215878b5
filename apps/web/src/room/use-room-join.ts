import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../shared/api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { type EventAuth, joinRoom, type RoomJoin } from './room-api.ts';

export type JoinState =
  | { status: 'idle' }
  | { status: 'joining' }
  | { status: 'joined'; result: RoomJoin }
  | { status: 'error'; error: ApiError };

/**
 * Entering the room: asks the API for a LiveKit token (the role comes from the link alone).
 * `leave` forgets it, e.g. when the webinar ends; `join` again gets a fresh one.
 *
 * @example
 * const joining = useRoomJoin(slug, auth);
 * <button onClick={joining.join}>…</button>
 */
export function useRoomJoin(slug: string, auth: EventAuth) {
  const [state, setState] = useState<JoinState>({ status: 'idle' });
  const current = useRef(0);
  useEffect(
    () => () => {
      current.current++;
    },
    [],
  );

  const join = useCallback(async () => {
    const attempt = ++current.current;
    setState({ status: 'joining' });
    try {
      const result = await joinRoom(slug, auth);
      if (attempt === current.current) setState({ status: 'joined', result });
    } catch (error) {
      if (attempt === current.current) setState({ status: 'error', error: toApiError(error) });
    }
  }, [slug, auth]);

  const leave = useCallback(() => {
    current.current++;
    setState({ status: 'idle' });
  }, []);

  return { state, join, leave };
}
