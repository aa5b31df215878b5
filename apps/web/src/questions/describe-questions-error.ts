import type { QaMessages } from '../i18n/questions-messages.ts';
import type { ApiError } from '../shared/api-error.ts';

/** The sentence for a failed Q&A request, as specific as the answer allows. */
export function describeQaError(error: ApiError, t: QaMessages): string {
  if (error.unreachable) return t.errors.unreachable;
  const retryAfter = error.retryAfterSeconds;
  switch (error.status) {
    case 429:
      return retryAfter ? t.errors.rateLimitedFor(retryAfter) : t.errors.rateLimited;
    case 400:
      return describeTextError(error.fields.text?.[0]) ?? t.errors.invalid;
    case 401:
    case 403:
      return error.code === 'attendees_only' ? t.panel.signInToAsk : t.errors.notAllowed;
    case 404:
      return t.errors.notFound;
    case 409:
      if (error.code === 'questions_not_open_yet') return t.errors.notOpenYet;
      return error.code === 'not_open_for_votes' ? t.errors.closedForVotes : t.errors.conflict;
    default:
      return error.code === 'bad_response' ? t.errors.stream : t.errors.server(error.status ?? 0);
  }

  function describeTextError(message: string | undefined): string | null {
    if (!message) return null;
    if (/empty/.test(message)) return t.errors.empty;
    const max = /at most (\d+)/.exec(message);
    if (max) return t.errors.tooLong(Number(max[1]));
    return null;
  }
}

/** A field's problem before sending: empty or over the limit (counted as the server counts, in UTF-16 units). */
export function checkQuestionText(text: string, max: number): 'empty' | 'tooLong' | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > max) return 'tooLong';
  return null;
}
