import { describe, expect, it } from 'vitest';
import { eventEditDefaults, eventEditSchema, eventPatchSchema, parseOsloTime, toOsloLocal } from './event.ts';

const valid = {
  ...eventEditDefaults,
  title: 'Kommuneplan – innspillsmøte',
  slug: 'kommuneplan-innspill',
  startsAt: '2026-03-10T10:00',
  endsAt: '2026-03-10T11:30',
  contact: { name: 'Rådgiver', email: 'post@kommune.example.no' },
};

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  [...new Set(result.error?.issues.map((i) => i.path.join('.')) ?? [])].sort();

describe('Oslo times', () => {
  it('reads wall-clock time in winter (UTC+1) and summer (UTC+2)', () => {
    expect(parseOsloTime('2026-01-15T10:00')).toBe('2026-01-15T09:00:00.000Z');
    expect(parseOsloTime('2026-07-15T10:00')).toBe('2026-07-15T08:00:00.000Z');
  });

  it('keeps times given with an offset as they are', () => {
    expect(parseOsloTime('2026-07-15T10:00:00Z')).toBe('2026-07-15T10:00:00.000Z');
    expect(parseOsloTime('2026-07-15T10:00:00+02:00')).toBe('2026-07-15T08:00:00.000Z');
  });

  it('refuses the hour skipped in spring and reads the repeated autumn hour as the first', () => {
    expect(parseOsloTime('2026-03-29T02:30')).toBeNull();
    expect(parseOsloTime('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses what is not a time', () => {
    expect(parseOsloTime('i morgen')).toBeNull();
    expect(parseOsloTime('2026-02-30T10:00')).toBeNull();
  });

  it('shows an instant as Oslo wall-clock time', () => {
    expect(toOsloLocal(new Date('2026-07-15T08:00:00Z'))).toBe('2026-07-15T10:00:00');
  });
});

describe('event edit schema', () => {
  it('accepts a minimal online event and normalises its times to UTC', () => {
    const result = eventEditSchema.parse(valid);
    expect(result.startsAt).toBe('2026-03-10T09:00:00.000Z');
    expect(result.contact.phone).toBeNull();
    expect(result.retentionDays).toBe(30);
  });

  it('names every bad field at once', () => {
    const result = eventEditSchema.safeParse({
      ...valid,
      title: 'x',
      slug: 'Ikke Gyldig',
      startsAt: 'snart',
      mode: 'studio',
      language: 'de',
      capacity: 0,
      waitlistEnabled: 'ja',
      recorded: 1,
      retentionDays: -1,
      contact: { name: '', email: 'ikke-epost', phone: 'ring meg' },
      customQuestions: [{ id: 'Bad Id', label: '' }],
    });
    expect(fieldsOf(result)).toEqual([
      'capacity',
      'contact.email',
      'contact.name',
      'contact.phone',
      'customQuestions.0.id',
      'customQuestions.0.label',
      'language',
      'mode',
      'recorded',
      'retentionDays',
      'slug',
      'startsAt',
      'title',
      'waitlistEnabled',
    ]);
  });

  it('checks fields against each other', () => {
    const result = eventEditSchema.safeParse({
      ...valid,
      endsAt: '2026-03-10T09:00',
      mode: 'hybrid',
      registrationOpensAt: '2026-03-20T10:00',
      registrationClosesAt: '2026-02-01T10:00',
    });
    expect(fieldsOf(result)).toEqual(['address', 'endsAt', 'registrationClosesAt', 'registrationOpensAt']);
  });

  it('requires an address on site, not online', () => {
    expect(
      eventEditSchema.safeParse({ ...valid, mode: 'onsite', address: 'Storgata 1, Brønnøysund' }).success,
    ).toBe(true);
    expect(fieldsOf(eventEditSchema.safeParse({ ...valid, mode: 'onsite', address: '  ' }))).toEqual([
      'address',
    ]);
  });

  it('allows at most five custom questions with distinct ids', () => {
    const question = (id: string) => ({ id, label: 'Spørsmål', required: false });
    expect(
      fieldsOf(
        eventEditSchema.safeParse({
          ...valid,
          customQuestions: ['a', 'b', 'c', 'd', 'e', 'f'].map(question),
        }),
      ),
    ).toEqual(['customQuestions']);
    expect(
      fieldsOf(eventEditSchema.safeParse({ ...valid, customQuestions: ['a', 'a'].map(question) })),
    ).toEqual(['customQuestions']);
  });

  it('lets a patch name only what changes', () => {
    expect(eventPatchSchema.parse({ capacity: 40 })).toEqual({ capacity: 40 });
    expect(eventPatchSchema.safeParse({ capacity: 1.5 }).success).toBe(false);
  });
});
