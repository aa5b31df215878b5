import { useState } from 'react';
import type { ApiError } from './api-error.ts';
import { toApiError } from './use-api-resource.ts';
import { useReloadable } from './use-reloadable.ts';

/** Something an organiser makes whose secret is shown once (an API token, a staff link), and revokes. */
export interface Issued {
  id: string;
  revokedAt: string | null;
}

/**
 * The list of what was issued, making one (kept here to show its secret once), and revoking one.
 * `busy` is 'create' or the id of the one being revoked; `message` is the last change to announce.
 *
 * @example
 * const fetchTokens = useCallback((signal?: AbortSignal) => fetchApiTokens(signal), []);
 * const tokens = useIssuedSecrets<ApiToken, CreatedApiToken>(fetchTokens, (t) => revokeApiToken(t.id));
 * await tokens.create(() => createApiToken(name), (e) => e.fields.name !== undefined);
 */
export function useIssuedSecrets<T extends Issued, C extends T>(
  fetchList: (signal?: AbortSignal) => Promise<T[]>,
  remove: (item: T) => Promise<void>,
) {
  const { data: items, error: loadError, reload, setData } = useReloadable(fetchList);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<C | null>(null);
  const [message, setMessage] = useState('');

  /**
   * Makes one with `make`. A refusal the form shows by its field (`isFieldError`) is returned;
   * any other failure is kept in `problem`.
   */
  const create = async (
    make: () => Promise<C>,
    isFieldError: (error: ApiError) => boolean,
  ): Promise<{ created: C } | { error: ApiError }> => {
    setBusy('create');
    setProblem(null);
    try {
      const made = await make();
      setCreated(made);
      await reload();
      return { created: made };
    } catch (caught) {
      const error = toApiError(caught);
      if (!isFieldError(error)) setProblem(error);
      return { error };
    } finally {
      setBusy(null);
    }
  };

  /** Revokes one once the organiser confirms `question`; `revoked` is announced as the list drops it. */
  const revoke = async (item: T, question: string, revoked: string) => {
    if (busy || !window.confirm(question)) return;
    setBusy(item.id);
    setProblem(null);
    setMessage('');
    try {
      await remove(item);
      if (created?.id === item.id) setCreated(null);
      // The list drops it in the same render that announces it; the reload then confirms.
      const revokedAt = new Date().toISOString();
      setData((current) => current?.map((i) => (i.id === item.id ? { ...i, revokedAt } : i)) ?? null);
      setMessage(revoked);
      await reload();
    } catch (caught) {
      setProblem(toApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  const active = (items ?? []).filter((i) => i.revokedAt === null);
  return { items, active, loadError, reload, busy, problem, created, message, setMessage, create, revoke };
}

export type IssuedSecrets<T extends Issued, C extends T> = ReturnType<typeof useIssuedSecrets<T, C>>;
