import { describe, expect, it } from 'vitest';
import { organiserMessages } from '../i18n/organiser-messages.ts';
import {
  describeFieldError,
  emptyEventForm,
  fieldInputId,
  formValuesToBody,
  sortFieldErrors,
  suggestSlug,
} from './event-form-values.ts';

const t = organiserMessages.nb.editor.fieldErrors;

describe('event form values', () => {
  it('sends empty optional fields as null, and an address only when the event has a place', () => {
    const body = formValuesToBody({ ...emptyEventForm, address: 'Storgata 1', capacity: ' 40 ' });
    expect(body).toMatchObject({ address: null, capacity: 40, registrationOpensAt: null, retentionDays: 30 });
    expect(formValuesToBody({ ...emptyEventForm, mode: 'onsite', address: ' Storgata 1 ' }).address).toBe(
      'Storgata 1',
    );
  });

  it('sends what is no whole number as typed, so the API can name the field', () => {
    expect(formValuesToBody({ ...emptyEventForm, capacity: 'førti' }).capacity).toBe('førti');
    expect(formValuesToBody({ ...emptyEventForm, capacity: '' }).capacity).toBeNull();
  });

  it('sends the broadcast option as set, off for a new event, and places its error after the recording option', () => {
    expect(formValuesToBody(emptyEventForm).broadcast).toBe(false);
    expect(formValuesToBody({ ...emptyEventForm, broadcast: true }).broadcast).toBe(true);
    const sorted = sortFieldErrors({ retentionDays: ['x'], broadcast: ['y'], recorded: ['z'] });
    expect(sorted.map(([field]) => field)).toEqual(['recorded', 'broadcast', 'retentionDays']);
    expect(fieldInputId('broadcast')).toBe('event-broadcast');
  });

  it('suggests a slug from a Norwegian title', () => {
    expect(suggestSlug('Møte om Ås – kommuneplan 2027!')).toBe('mote-om-as-kommuneplan-2027');
    expect(suggestSlug('Ærlig talt')).toBe('aerlig-talt');
  });

  it('orders errors as the form shows its fields and finds their inputs', () => {
    const sorted = sortFieldErrors({
      'contact.email': ['x'],
      title: ['y'],
      'customQuestions.0.label': ['z'],
    });
    expect(sorted.map(([field]) => field)).toEqual(['title', 'contact.email', 'customQuestions.0.label']);
    expect(fieldInputId('customQuestions.0.label')).toBe('event-customQuestions-0-label');
  });

  it('puts the API’s reasons into the interface language', () => {
    expect(describeFieldError('must be after the start', t)).toBe('Må være etter starttidspunktet.');
    expect(describeFieldError('must be at least 3 characters', t)).toBe('Må ha minst 3 tegn.');
    expect(describeFieldError('must be at most 3650', t)).toBe('Kan være høyst 3650.');
    expect(describeFieldError('something new', t)).toBe('Sjekk feltet.');
  });
});
