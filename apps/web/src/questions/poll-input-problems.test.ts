import { POLL_OPTION_MAX_LENGTH } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import { pollMessages } from '../i18n/poll-messages.ts';
import { type PollFormValues, readPollForm, readPollOptions } from './poll-input-problems.ts';

const form = (values: Partial<PollFormValues>): PollFormValues => ({
  question: 'Hvilken dag passer best?',
  options: 'Tirsdag\nTorsdag',
  multiple: false,
  resultsVisibility: 'everyone',
  ...values,
});

describe('readPollOptions', () => {
  it('takes one choice a line, trimmed, without blank lines', () => {
    expect(readPollOptions(' Tirsdag \n\n Torsdag\n')).toEqual(['Tirsdag', 'Torsdag']);
  });
});

describe('readPollForm', () => {
  it('gives the input to send when the domain accepts it', () => {
    expect(readPollForm(form({ question: '  Hvilken dag?  ' }), pollMessages.nb.manage)).toEqual({
      input: {
        question: 'Hvilken dag?',
        options: ['Tirsdag', 'Torsdag'],
        multiple: false,
        resultsVisibility: 'everyone',
      },
      problems: null,
    });
  });

  it('refuses a choice over the length limit, naming it, in the viewer’s language', () => {
    const long = 'x'.repeat(POLL_OPTION_MAX_LENGTH + 1);
    const options = `Tirsdag\n${long}`;
    expect(readPollForm(form({ options }), pollMessages.nb.manage).problems).toEqual({
      options: 'Svaralternativ 2 er for langt: høyst 200 tegn.',
    });
    expect(readPollForm(form({ options }), pollMessages.nn.manage).problems?.options).toBe(
      'Svaralternativ 2 er for langt: høgst 200 teikn.',
    );
    expect(readPollForm(form({ options }), pollMessages.en.manage).problems?.options).toBe(
      'Choice 2 is too long: at most 200 characters.',
    );
    expect(
      readPollForm(form({ options: `Tirsdag\n${'x'.repeat(200)}` }), pollMessages.nb.manage).problems,
    ).toBe(null);
  });

  it('asks for the question and for 2 to 10 different choices', () => {
    const m = pollMessages.en.manage;
    expect(readPollForm(form({ question: '  ', options: 'Tirsdag' }), m).problems).toEqual({
      question: m.needQuestion,
      options: m.needOptions,
    });
    expect(readPollForm(form({ options: 'Ja\nja' }), m).problems).toEqual({ options: m.needOptions });
    const eleven = Array.from({ length: 11 }, (_, i) => `Valg ${i + 1}`).join('\n');
    expect(readPollForm(form({ options: eleven }), m).problems).toEqual({ options: m.needOptions });
  });

  it('refuses control characters', () => {
    const m = pollMessages.nb.manage;
    expect(readPollForm(form({ question: 'Hva\u0007?' }), m).problems).toEqual({ question: m.controlChars });
  });
});
