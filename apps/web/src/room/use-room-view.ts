import { useCallback, useEffect, useRef, useState } from 'react';
import { followEventStream, type StreamStatus } from '../questions/follow-event-stream.ts';
import type { ApiError } from '../shared/api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { authHeaders, type EventAuth, fetchRoomView, type RoomView, roomPath } from './room-api.ts';

export interface RoomViewState {
  view: RoomView | null;
  /** Why there is no view: a bad link (401/403), an unknown event (404), or no answer at all. */
  error: ApiError | null;
  /** The live stream of changes; 'reconnecting' means the view may be out of date. */
  stream: StreamStatus;
  /** Reads the view again at once, without waiting for the stream. */
  refresh: () => Promise<void>;
  /** Takes a view an action answered with: it is newer than anything read before. */
  apply: (view: RoomView) => void;
}

/**
 * The room as this person sees it, kept current by the API's stream of room views (one full
 * snapshot per change). An answer read before the latest streamed snapshot is dropped, so a
 * slow refresh never undoes a newer change.
 */
export function useRoomView(slug: string, auth: EventAuth | null): RoomViewState {
  const [view, setView] = useState<RoomView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [stream, setStream] = useState<StreamStatus>('connecting');
  const lastStreamed = useRef(0);
  const streamStatus = useRef<StreamStatus>('connecting');

  const read = useCallback(
    async (signal?: AbortSignal) => {
      if (!auth) return;
      const startedAt = performance.now();
      try {
        const fresh = await fetchRoomView(slug, auth, signal);
        if (lastStreamed.current <= startedAt) setView(fresh);
        setError(null);
      } catch (e) {
        if (signal?.aborted) return;
        // Shown only while there is no view at all (or for a refusal); otherwise the last view
        // stays in place and the stream keeps trying.
        setError(toApiError(e));
      }
    },
    [slug, auth],
  );

  useEffect(() => {
    if (!auth) return;
    const controller = new AbortController();
    void read(controller.signal);
    followEventStream({
      url: roomPath(slug, '/room'),
      headers: authHeaders(auth),
      lastEventId: () => null,
      signal: controller.signal,
      onMessage: (message) => {
        if (message.event !== 'room') return;
        try {
          const next = JSON.parse(message.data) as RoomView;
          lastStreamed.current = performance.now();
          setView(next);
        } catch {
          // A message that is not a view is skipped; the next one replaces it anyway.
        }
      },
      onStatus: (status) => {
        // Back after a break: read the view at once rather than wait for the next change.
        if (status === 'open' && streamStatus.current === 'reconnecting') void read(controller.signal);
        streamStatus.current = status;
        setStream(status);
      },
    }).catch((e: unknown) => {
      if (!controller.signal.aborted) setError(toApiError(e));
    });
    return () => controller.abort();
  }, [slug, auth, read]);

  const refresh = useCallback(() => read(), [read]);
  const apply = useCallback((fresh: RoomView) => {
    lastStreamed.current = performance.now();
    setView(fresh);
  }, []);
  return { view, error, stream, refresh, apply };
}
