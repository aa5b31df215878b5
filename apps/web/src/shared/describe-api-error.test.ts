import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/messages.ts';
import { ApiError } from './api-error.ts';
import { describeApiError } from './describe-api-error.ts';

describe('describeApiError', () => {
  it('tells a lost connection apart from a server fault, promising a retry only where one comes', () => {
    expect(describeApiError(new ApiError(null, 'network', 'x'), messages.nb, { retrying: true })).toBe(
      'Får ikke kontakt med Folkemøte. Vi prøver igjen automatisk.',
    );
    expect(describeApiError(new ApiError(503, 'unavailable', 'x'), messages.nn, { retrying: true })).toBe(
      'Tenesta svara med ein feil (503). Vi prøver igjen automatisk.',
    );
    expect(describeApiError(new ApiError(503, 'unavailable', 'x'), messages.nb)).toBe(
      'Tjenesten svarte med en feil (503). Prøv igjen om litt.',
    );
    expect(describeApiError(new ApiError(200, 'bad_response', 'x'), messages.en)).toBe(
      'The service sent an answer we could not read.',
    );
  });

  it('never promises a retry for a refusal (4xx), which nothing will retry', () => {
    for (const locale of ['nb', 'nn', 'en'] as const) {
      for (const retrying of [true, false]) {
        const text = describeApiError(new ApiError(400, 'invalid_input', 'x'), messages[locale], {
          retrying,
        });
        expect(text).toBe(messages[locale].errors.refused(400));
        expect(text).not.toMatch(/automatisk|automatically/);
      }
    }
  });
});
