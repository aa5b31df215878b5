import type { RecordingView } from '@folkemote/contract';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../shared/api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { pollDelay } from './poll-delay.ts';
import { fetchRecordings, retryRecording } from './recordings-api.ts';

export interface RecordingsState {
  /** The last list the API returned; kept while the API is unreachable. */
  recordings: RecordingView[] | null;
  /** The error of the last poll, or null if it succeeded. */
  error: ApiError | null;
  updatedAt: Date | null;
  /** Ids of recordings whose retry request is on its way. */
  retrying: ReadonlySet<string>;
  /** The last retry that failed, to show beside its recording. */
  retryError: { id: string; error: ApiError } | null;
  retry: (id: string) => Promise<void>;
  /** Polls now instead of waiting for the next turn. */
  refresh: () => void;
}

/**
 * The organiser's recordings, kept live: polled every second while anything is
 * being processed, every ten seconds otherwise, and right away when the tab
 * becomes visible again.
 *
 * @example
 * const { recordings, error, retry } = useRecordings();
 */
export function useRecordings(): RecordingsState {
  const [recordings, setRecordings] = useState<RecordingView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [round, setRound] = useState(0);
  const [retrying, setRetrying] = useState<ReadonlySet<string>>(new Set());
  const [retryError, setRetryError] = useState<RecordingsState['retryError']>(null);

  const refresh = useCallback(() => setRound((n) => n + 1), []);

  // Each round fetches once and schedules the next; `refresh` starts a new round
  // and the cleanup cancels the old one, so two polls never overlap.
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      let list: RecordingView[] | null = null;
      let failed = false;
      try {
        list = await fetchRecordings(controller.signal);
        setRecordings(list);
        setError(null);
        setUpdatedAt(new Date());
      } catch (caught) {
        if (controller.signal.aborted) return;
        failed = true;
        setError(toApiError(caught));
      }
      if (controller.signal.aborted) return;
      timer = setTimeout(poll, pollDelay({ recordings: list, failed, hidden: document.hidden }));
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [round]);

  useEffect(() => {
    const onVisible = () => {
      if (!document.hidden) refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);

  const retry = useCallback(
    async (id: string) => {
      setRetrying((ids) => new Set(ids).add(id));
      try {
        await retryRecording(id);
        setRetryError((current) => (current?.id === id ? null : current));
        refresh();
      } catch (caught) {
        setRetryError({ id, error: toApiError(caught) });
      } finally {
        setRetrying((ids) => {
          const next = new Set(ids);
          next.delete(id);
          return next;
        });
      }
    },
    [refresh],
  );

  return { recordings, error, updatedAt, retrying, retryError, retry, refresh };
}
