import { describe, expect, it } from 'vitest';
import { organiserMessages } from '../i18n/organiser-messages.ts';
import { ApiError } from '../shared/api-error.ts';
import { readRefusedFields } from './use-account-form.ts';

const words = organiserMessages.nb.editor.fieldErrors;

describe('readRefusedFields', () => {
  it('says what is wrong with the form’s own fields, in words', () => {
    const error = new ApiError(400, 'invalid', 'bad', {
      password: ['must be at least 12 characters'],
      token: ['is required'],
    });
    expect(readRefusedFields(error, ['password'], words)).toEqual({ password: words.tooShort(12) });
  });

  it('leaves a refusal of anything else, and any other failure, to the page', () => {
    expect(
      readRefusedFields(new ApiError(400, 'invalid', 'bad', { token: ['is required'] }), ['password'], words),
    ).toEqual({});
    expect(readRefusedFields(new ApiError(429, 'rate_limited', 'slow down'), ['email'], words)).toEqual({});
  });
});
