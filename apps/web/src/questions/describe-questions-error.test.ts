import { describe, expect, it } from 'vitest';
import { qaMessages } from '../i18n/questions-messages.ts';
import { ApiError } from '../shared/api-error.ts';
import { checkQuestionText, describeQaError } from './describe-questions-error.ts';

const t = qaMessages.nb;

describe('describeQaError', () => {
  it('says how long to wait when the server was asked too often', () => {
    expect(describeQaError(new ApiError(429, 'rate_limited', 'x', {}, 42), t)).toBe(
      'Du har sendt mange spørsmål på kort tid. Prøv igjen om 42 sekunder.',
    );
    expect(describeQaError(new ApiError(429, 'rate_limited', 'x'), t)).toBe(t.errors.rateLimited);
  });

  it('tells an empty or too long text apart from other bad input', () => {
    expect(describeQaError(new ApiError(400, 'invalid', 'x', { text: ['must not be empty'] }), t)).toBe(
      t.errors.empty,
    );
    expect(
      describeQaError(new ApiError(400, 'invalid', 'x', { text: ['must be at most 500 characters'] }), t),
    ).toBe('Spørsmålet kan ha høyst 500 tegn. Gjør det kortere.');
    expect(
      describeQaError(new ApiError(400, 'invalid', 'x', { anonymous: ['must be true or false'] }), t),
    ).toBe(t.errors.invalid);
  });

  it('explains refusals, lost questions, conflicts and a lost connection', () => {
    expect(describeQaError(new ApiError(403, 'attendees_only', 'x'), t)).toBe(t.panel.signInToAsk);
    expect(describeQaError(new ApiError(403, 'forbidden_for_role', 'x'), t)).toBe(t.errors.notAllowed);
    expect(describeQaError(new ApiError(404, 'question_not_found', 'x'), t)).toBe(t.errors.notFound);
    expect(describeQaError(new ApiError(409, 'not_open_for_votes', 'x'), t)).toBe(t.errors.closedForVotes);
    expect(describeQaError(new ApiError(409, 'invalid_transition', 'x'), t)).toBe(t.errors.conflict);
    expect(describeQaError(new ApiError(null, 'network', 'x'), t)).toBe(t.errors.unreachable);
    expect(describeQaError(new ApiError(502, 'http_error', 'x'), t)).toBe(t.errors.server(502));
  });
});

describe('checkQuestionText', () => {
  it('finds an empty or too long question before it is sent', () => {
    expect(checkQuestionText('   ', 500)).toBe('empty');
    expect(checkQuestionText('a'.repeat(501), 500)).toBe('tooLong');
    expect(checkQuestionText(` ${'a'.repeat(500)} `, 500)).toBeNull();
  });
});
