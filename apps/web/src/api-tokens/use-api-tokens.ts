import { useCallback, useState } from 'react';
import type { ApiError } from '../shared/api-error.ts';
import { toApiError } from '../shared/use-api-resource.ts';
import { useReloadable } from '../shared/use-reloadable.ts';
import { type ApiToken, createApiToken, fetchApiTokens, revokeApiToken } from './api-tokens-api.ts';

export type CreatedApiToken = ApiToken & { token: string };

/**
 * The organisation's API tokens: the list, making one (kept here to show once) and revoking
 * one. `busy` is 'create' or the id of the token being revoked.
 */
export function useApiTokens() {
  const fetchTokens = useCallback((signal?: AbortSignal) => fetchApiTokens(signal), []);
  const { data: tokens, error: loadError, reload, setData } = useReloadable(fetchTokens);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  /** Makes a token; the name's own problem (from the API) is returned for the form to show. */
  const create = async (name: string): Promise<{ nameError: string | null }> => {
    setBusy('create');
    setProblem(null);
    try {
      setCreated(await createApiToken(name));
      await reload();
      return { nameError: null };
    } catch (error) {
      const e = toApiError(error);
      const field = e.fields.name?.[0] ?? null;
      if (!field) setProblem(e);
      return { nameError: field };
    } finally {
      setBusy(null);
    }
  };

  const revoke = async (token: ApiToken): Promise<boolean> => {
    setBusy(token.id);
    setProblem(null);
    try {
      await revokeApiToken(token.id);
      if (created?.id === token.id) setCreated(null);
      const revokedAt = new Date().toISOString();
      setData((current) => current?.map((t) => (t.id === token.id ? { ...t, revokedAt } : t)) ?? null);
      await reload();
      return true;
    } catch (error) {
      setProblem(toApiError(error));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const active = (tokens ?? []).filter((t) => t.revokedAt === null);
  return { tokens, active, loadError, reload, busy, problem, created, create, revoke };
}
