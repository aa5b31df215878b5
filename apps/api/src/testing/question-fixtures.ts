import type { QuestionView } from '@folkemote/domain';

export type Api = (method: string, path: string, token: string | null, body?: unknown) => Promise<Response>;

/** Requests to one API base URL with a Bearer token (a personal link, a staff link or an API token). */
export function apiAt(baseUrl: string): Api {
  return (method, path, token, body) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

export async function json<T = Record<string, unknown>>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`Expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

export type Changed = { question: QuestionView; lastEventId: number };
export type Listed = {
  questions: QuestionView[];
  settings: Record<string, unknown>;
  lastEventId: number;
  hiddenUntilQaStarts: boolean;
};
