import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from './api-error.ts';
import { toApiError } from './use-api-resource.ts';

/**
 * Data a panel loads when it opens and again on request (after a change it made, or "try
 * again"). The last good data stays on screen while a reload fails; the error says why.
 */
export function useReloadable<T>(fetchData: (signal?: AbortSignal) => Promise<T>): {
  data: T | null;
  error: ApiError | null;
  reload: (signal?: AbortSignal) => Promise<void>;
  setData: (update: (current: T | null) => T | null) => void;
} {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const next = await fetchData(signal);
        setData(next);
        setError(null);
      } catch (caught) {
        if (!signal?.aborted) setError(toApiError(caught));
      }
    },
    [fetchData],
  );
  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);
  return { data, error, reload, setData };
}
