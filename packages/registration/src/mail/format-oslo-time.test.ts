import { describe, expect, it } from 'vitest';
import { osloLocalDateTime } from './ics.ts';
import { formatOsloTime } from './render-registration-email.ts';

describe('the dates in e-mails and calendar files', () => {
  it('writes the event’s time with the words of its language, whatever the runtime carries', () => {
    const start = '2027-01-19T08:00:00.000Z';
    const end = '2027-01-19T13:00:00.000Z';
    expect(formatOsloTime(start, end, 'nn')).toBe('tysdag 19. januar 2027, 09:00–14:00 (Europe/Oslo)');
    expect(formatOsloTime(start, end, 'nb')).toBe('tirsdag 19. januar 2027, 09:00–14:00 (Europe/Oslo)');
    expect(formatOsloTime(start, end, 'en')).toBe('Tuesday, 19 January 2027, 09:00–14:00 (Europe/Oslo)');
  });

  it('gives the calendar the Oslo wall clock, in summer time too', () => {
    expect(osloLocalDateTime(new Date('2027-01-19T08:00:00Z'))).toBe('20270119T090000');
    expect(osloLocalDateTime(new Date('2026-06-01T08:30:15Z'))).toBe('20260601T103015');
  });
});
