import { useEffect, useState } from 'react';
import { ApiError } from './api-error.ts';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: ApiError };

/** Loads something once when the page opens; aborted if the page goes away first. */
export function useApiResource<T>(load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setResource({ status: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResource({ status: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [load]);
  return resource;
}

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(null, 'unknown', String(error));
}
