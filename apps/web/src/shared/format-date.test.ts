import { describe, expect, it } from 'vitest';
import { formatClockTime, formatDateBadge, formatEventTime, osloMomentFormat } from './format-date.ts';
import { formatPercent } from './format-percent.ts';

describe('formatEventTime', () => {
  it('shows the span in Norwegian summer time, whatever the machine’s zone', () => {
    // 08:00Z is 10:00 in Oslo in October (CEST, UTC+2).
    expect(formatEventTime('2025-10-14T08:00:00Z', '2025-10-14T09:30:00Z', 'nb')).toBe(
      'tirsdag 14. oktober 2025, 10:00–11:30',
    );
    expect(formatEventTime('2025-10-14T08:00:00Z', '2025-10-14T09:30:00Z', 'nn')).toBe(
      'tysdag 14. oktober 2025, 10:00–11:30',
    );
    expect(formatEventTime('2025-10-14T08:00:00Z', '2025-10-14T09:30:00Z', 'en')).toBe(
      'Tuesday, 14 October 2025, 10:00–11:30',
    );
  });

  it('uses winter time after the clocks go back and an offset given in the input', () => {
    expect(formatEventTime('2025-11-04T09:00:00Z', '2025-11-04T11:00:00+01:00', 'nb')).toBe(
      'tirsdag 4. november 2025, 10:00–11:00',
    );
  });

  it('names both days for an event that runs past midnight', () => {
    const text = formatEventTime('2025-03-29T22:00:00Z', '2025-03-30T01:00:00Z', 'nb');
    // 23:00 CET on Saturday to 03:00 CEST on Sunday: the clocks went forward in between.
    expect(text).toContain('lørdag 29. mars 2025 kl. 23:00');
    expect(text).toContain('søndag 30. mars 2025 kl. 03:00');
  });
});

describe('formatClockTime', () => {
  it('gives the Oslo clock time', () => {
    expect(formatClockTime(new Date('2025-01-15T12:34:56Z'), 'nb')).toBe('13:34:56');
  });
});

describe('formatPercent', () => {
  it('follows each language’s spacing and rounds to whole percent', () => {
    expect(formatPercent(42.4, 'nb')).toBe('42\u00a0%');
    expect(formatPercent(42.6, 'nn')).toBe('43\u00a0%');
    expect(formatPercent(42, 'en')).toBe('42%');
  });
});

describe('formatDateBadge', () => {
  it('takes the day from Oslo, not from UTC', () => {
    // 23:30Z on 31 December is already 1 January in Oslo; Norwegian writes the day as an ordinal.
    expect(formatDateBadge('2025-12-31T23:30:00Z', 'nb')).toEqual({ day: '1.', month: 'jan' });
    expect(formatDateBadge('2025-10-14T08:00:00Z', 'en')).toEqual({ day: '14', month: 'Oct' });
  });
});

describe('osloMomentFormat', () => {
  it('formats in Norwegian time, with or without the date', () => {
    const at = new Date('2025-10-14T08:05:00Z');
    expect(osloMomentFormat('nb', null, 'short').format(at)).toBe('10:05');
    expect(osloMomentFormat('en', 'short', 'short').format(at)).toBe('14/10/2025, 10:05');
    expect(osloMomentFormat('nn', 'long', 'short').format(at)).toContain('14. oktober 2025');
  });

  it('hands out one formatter per locale and style', () => {
    expect(osloMomentFormat('nb', 'short', 'short')).toBe(osloMomentFormat('nb', 'short', 'short'));
    expect(osloMomentFormat('nb', 'short', 'short')).not.toBe(osloMomentFormat('en', 'short', 'short'));
  });
});
