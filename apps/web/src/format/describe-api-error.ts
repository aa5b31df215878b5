import type { ApiError } from '../api/api-error.ts';
import type { Messages } from '../i18n/messages.ts';

/** The sentence for an API error: a lost connection reads differently from a server fault. */
export function describeApiError(error: ApiError, t: Messages): string {
  if (error.unreachable) return t.errors.unreachable;
  if (error.code === 'bad_response') return t.errors.badResponse;
  return t.errors.server(error.status ?? 0);
}
