import { ApiError, readErrorBody } from './api-error.ts';
import { readCsrfToken } from './csrf-token.ts';

const TIMEOUT_MS = 10_000;

/**
 * Calls the API on this origin and returns the parsed JSON body. Every failure
 * becomes an ApiError, so callers handle one kind of error.
 */
export async function requestJson(
  path: string,
  init: RequestInit & { signal?: AbortSignal } = {},
): Promise<unknown> {
  const signals = [AbortSignal.timeout(TIMEOUT_MS), ...(init.signal ? [init.signal] : [])];
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...csrfHeader(init.method), ...init.headers },
      signal: AbortSignal.any(signals),
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new ApiError(null, timedOut ? 'timeout' : 'network', `No answer from ${path}`);
  }
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!response.ok) {
    const error = readErrorBody(body);
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `${path} answered ${response.status}`,
      error?.fields,
      Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : null,
      error?.params,
    );
  }
  return body;
}

/** The list under `key` of a JSON body, or an ApiError if the body has none. */
export function readList<T>(body: unknown, key: string, path: string): T[] {
  const list = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list))
    throw new ApiError(200, 'bad_response', `${path} did not return a list under "${key}"`);
  return list as T[];
}

/** The signed-in session's CSRF token on requests that change something; the API refuses them without it. */
function csrfHeader(method = 'GET'): Record<string, string> {
  const token = readCsrfToken();
  return token && !['GET', 'HEAD'].includes(method.toUpperCase()) ? { 'x-csrf-token': token } : {};
}
