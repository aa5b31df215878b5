import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { messages } from '../i18n/messages.ts';
import { describeApiError } from './describe-api-error.ts';

describe('describeApiError', () => {
  it('tells a lost connection apart from a server fault', () => {
    expect(describeApiError(new ApiError(null, 'network', 'x'), messages.nb)).toBe(
      'Får ikke kontakt med Folkemøte. Vi prøver igjen automatisk.',
    );
    expect(describeApiError(new ApiError(503, 'unavailable', 'x'), messages.nn)).toBe(
      'Tenesta svara med ein feil (503). Vi prøver igjen automatisk.',
    );
    expect(describeApiError(new ApiError(200, 'bad_response', 'x'), messages.en)).toBe(
      'The service sent an answer we could not read.',
    );
  });
});
