import { describe, expect, it } from 'vitest';
import { buildCalendarInvitation, escapeText, foldLine, osloLocalDateTime } from './ics.ts';

const invitation = (overrides: Partial<Parameters<typeof buildCalendarInvitation>[0]> = {}) =>
  buildCalendarInvitation({
    method: 'REQUEST',
    uid: 'event-1@folkemote.example.no',
    sequence: 3,
    startsAt: new Date('2027-01-20T08:00:00Z'),
    endsAt: new Date('2027-01-20T13:00:00Z'),
    stampedAt: new Date('2026-11-23T10:00:00Z'),
    summary: 'Introduksjonsdag: Trygge lokalsamfunn, del 1; ærlig talt',
    description: `Linje én\nLinje to med \\ skråstrek og ${'æøå '.repeat(30)}`,
    location: 'Fylkeshuset, Bodø',
    url: 'https://folkemote.example.no/p/abc',
    organiser: { name: 'Rådgiver, folkehelse', email: 'folkehelse@example.no' },
    attendee: { name: 'Åse Øvrebø', email: 'ase@example.no' },
    language: 'nb',
    ...overrides,
  });

describe('calendar invitations', () => {
  it('give Oslo wall-clock times with TZID in winter and in summer', () => {
    expect(osloLocalDateTime(new Date('2027-01-20T08:00:00Z'))).toBe('20270120T090000');
    expect(osloLocalDateTime(new Date('2027-06-20T08:00:00Z'))).toBe('20270620T100000');
    const ics = invitation();
    expect(ics).toContain('DTSTART;TZID=Europe/Oslo:20270120T090000\r\n');
    expect(ics).toContain('DTEND;TZID=Europe/Oslo:20270120T140000\r\n');
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Oslo\r\n');
    expect(ics).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
  });

  it('carry METHOD, a stable UID, the SEQUENCE and a UTC DTSTAMP', () => {
    const ics = invitation();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('METHOD:REQUEST\r\n');
    expect(ics).toContain('UID:event-1@folkemote.example.no\r\n');
    expect(ics).toContain('SEQUENCE:3\r\n');
    expect(ics).toContain('DTSTAMP:20261123T100000Z\r\n');
    expect(ics).toContain('ORGANIZER;CN="Rådgiver, folkehelse":mailto:folkehelse@example.no');
    const cancelled = invitation({ method: 'CANCEL', sequence: 4 });
    expect(cancelled).toContain('METHOD:CANCEL\r\n');
    expect(cancelled).toContain('STATUS:CANCELLED\r\n');
  });

  it('escape text and fold lines at 75 octets without splitting a character', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const ics = invitation();
    const lines = ics.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics.endsWith('\r\n')).toBe(true);
    // Unfolding gives back the escaped text whole.
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      `DESCRIPTION;LANGUAGE=nb:Linje én\\nLinje to med \\\\ skråstrek og ${'æøå '.repeat(30)}`,
    );
    expect(unfolded).toContain(
      'SUMMARY;LANGUAGE=nb:Introduksjonsdag: Trygge lokalsamfunn\\, del 1\\; ærlig talt',
    );
    expect(foldLine('x'.repeat(80))).toBe(`${'x'.repeat(75)}\r\n ${'x'.repeat(5)}`);
  });
});
