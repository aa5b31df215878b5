import type { CustomQuestion } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import { RegistrationError } from './registration-error.ts';
import { checkForm } from './registration-rules.ts';

const questions = [
  { id: 'kommune', label: 'Kommune', required: true },
  { id: 'rolle', label: 'Rolle', required: false },
] as CustomQuestion[];

/** The fields a refusal names, or the form kept. */
function outcome(mode: 'online' | 'hybrid', input: Parameters<typeof checkForm>[1]) {
  try {
    return checkForm({ customQuestions: questions, mode }, input);
  } catch (err) {
    if (!(err instanceof RegistrationError)) throw err;
    return { code: err.code, message: err.message, fields: err.fields };
  }
}

describe('checkForm', () => {
  it("keeps the event's own answers, trimmed, and leaves out empty and unknown ones", () => {
    expect(outcome('online', { answers: { kommune: ' Molde ', rolle: '  ', annet: 'x' } })).toEqual({
      answers: { kommune: 'Molde' },
      attendance: null,
    });
    expect(
      outcome('hybrid', { answers: { kommune: 'Molde', rolle: 'Rådgiver' }, attendance: 'in_person' }),
    ).toEqual({ answers: { kommune: 'Molde', rolle: 'Rådgiver' }, attendance: 'in_person' });
  });

  it('stores no attendance for an event that is not hybrid, even when one is sent', () => {
    expect(outcome('online', { answers: { kommune: 'Molde' }, attendance: 'online' })).toEqual({
      answers: { kommune: 'Molde' },
      attendance: null,
    });
  });

  it('names every missing field in one refusal, with the same words', () => {
    const refused = {
      code: 'invalid_answers',
      message: 'Some fields are missing or invalid',
      fields: {
        'answers.kommune': ['is required'],
        attendance: ['is required for a hybrid event: in_person or online'],
      },
    };
    expect(outcome('hybrid', { answers: { kommune: '   ' } })).toEqual(refused);
    expect(outcome('hybrid', {})).toEqual(refused);
    expect(outcome('online', { answers: {} })).toEqual({
      ...refused,
      fields: { 'answers.kommune': ['is required'] },
    });
    expect(outcome('hybrid', { answers: { kommune: 'Molde' } })).toEqual({
      ...refused,
      fields: { attendance: ['is required for a hybrid event: in_person or online'] },
    });
  });
});
