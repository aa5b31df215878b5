import { useCallback } from 'react';
import { useIssuedSecrets } from '../shared/use-issued-secrets.ts';
import { type ApiToken, createApiToken, fetchApiTokens, revokeApiToken } from './api-tokens-api.ts';

export type CreatedApiToken = ApiToken & { token: string };

const removeToken = (token: ApiToken) => revokeApiToken(token.id);

/**
 * The organisation's API tokens: the list, making one (kept here to show once) and revoking
 * one. `busy` is 'create' or the id of the token being revoked.
 */
export function useApiTokens() {
  const fetchTokens = useCallback((signal?: AbortSignal) => fetchApiTokens(signal), []);
  const tokens = useIssuedSecrets<ApiToken, CreatedApiToken>(fetchTokens, removeToken);

  /** Makes a token; the name's own problem (from the API) is returned for the form to show. */
  const create = async (name: string): Promise<{ nameError: string | null }> => {
    const outcome = await tokens.create(
      () => createApiToken(name),
      (error) => error.fields.name?.[0] !== undefined,
    );
    return { nameError: 'error' in outcome ? (outcome.error.fields.name?.[0] ?? null) : null };
  };

  return { ...tokens, create };
}
