import type { Messages } from '../i18n/messages.ts';
import type { ApiError } from './api-error.ts';

/**
 * The sentence for an API error: a lost connection reads differently from a server fault, and a
 * refusal (4xx) from both, since asking again the same way will not help. Only where the page
 * really asks again by itself (`retrying`) does the sentence promise it.
 */
export function describeApiError(error: ApiError, t: Messages, options: { retrying?: boolean } = {}): string {
  const retrying = options.retrying ?? false;
  if (error.unreachable) return retrying ? t.errors.unreachable : t.errors.unreachableOnce;
  if (error.code === 'bad_response') return t.errors.badResponse;
  const status = error.status ?? 0;
  if (status >= 400 && status < 500) return t.errors.refused(status);
  return retrying ? t.errors.server(status) : t.errors.serverOnce(status);
}
