import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../shared/api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import {
  cancelOwnRegistration,
  deleteOwnRegistration,
  fetchOwnRegistration,
  type OwnRegistration,
} from './registration-api.ts';

export type OwnRegistrationState =
  | { status: 'loading' }
  | { status: 'ready'; data: OwnRegistration }
  | { status: 'deleted' }
  | { status: 'error'; error: ApiError };

/**
 * A registrant's own registration from their personal link, with cancel and delete.
 *
 * @example
 * const own = useOwnRegistration(token);
 * <button onClick={own.cancel}>…</button>
 */
export function useOwnRegistration(token: string) {
  const [state, setState] = useState<OwnRegistrationState>({ status: 'loading' });
  const [busy, setBusy] = useState<'cancel' | 'delete' | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchOwnRegistration(token, controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [token]);

  const cancel = useCallback(async () => {
    setBusy('cancel');
    setActionError(null);
    try {
      const registration = await cancelOwnRegistration(token);
      setState((s) => (s.status === 'ready' ? { status: 'ready', data: { ...s.data, registration } } : s));
      // The freed seat shows in the event's count at once; the registration is already current.
      const fresh = await fetchOwnRegistration(token).catch(() => null);
      if (fresh) setState({ status: 'ready', data: fresh });
    } catch (error) {
      setActionError(toApiError(error));
    } finally {
      setBusy(null);
    }
  }, [token]);

  const remove = useCallback(async () => {
    setBusy('delete');
    setActionError(null);
    try {
      await deleteOwnRegistration(token);
      setState({ status: 'deleted' });
    } catch (error) {
      setActionError(toApiError(error));
    } finally {
      setBusy(null);
    }
  }, [token]);

  return { state, busy, actionError, cancel, remove };
}
