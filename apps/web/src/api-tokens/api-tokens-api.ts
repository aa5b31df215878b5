import type { ApiToken } from '@folkemote/contract';
import { readList, requestJson } from '../shared/request-json.ts';

/** An API token as the organiser sees it: never the token itself, which is shown once. */
export type { ApiToken };

const path = '/api/organiser/api-tokens';

export async function fetchApiTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return readList<ApiToken>(await requestJson(path, { signal, cache: 'no-store' }), 'tokens', path);
}

/** Makes a token; the answer is the only time the token is shown. */
export async function createApiToken(name: string): Promise<ApiToken & { token: string }> {
  return (await requestJson(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  })) as ApiToken & { token: string };
}

export async function revokeApiToken(id: string): Promise<void> {
  await requestJson(`${path}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
