import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDayAndMonth,
  formatTime,
  formatTimeRange,
  osloClock,
} from './dates.ts';

describe('osloClock', () => {
  it('reads the Oslo wall clock in summer and winter time, Monday first', () => {
    expect(osloClock('2025-10-14T08:05:09Z')).toEqual({
      year: 2025,
      month: 10,
      day: 14,
      hour: 10,
      minute: 5,
      second: 9,
      weekday: 1,
    });
    expect(osloClock('2025-12-31T23:30:00Z')).toMatchObject({ year: 2026, month: 1, day: 1, hour: 0 });
    expect(osloClock('2027-01-17T12:00:00Z').weekday).toBe(6);
  });
});

describe('formatDate', () => {
  it('writes nynorsk words and Norwegian patterns, not the runtime’s', () => {
    const at = '2027-01-20T08:00:00Z';
    expect(formatDate(at, 'nn', 'full')).toBe('onsdag 20. januar 2027');
    expect(formatDate('2025-10-14T08:00:00Z', 'nn', 'full')).toBe('tysdag 14. oktober 2025');
    expect(formatDate('2025-10-11T08:00:00Z', 'nn', 'full')).toBe('laurdag 11. oktober 2025');
    expect(formatDate('2025-10-13T08:00:00Z', 'nn', 'full')).toBe('måndag 13. oktober 2025');
    expect(formatDate('2025-10-11T08:00:00Z', 'nb', 'full')).toBe('lørdag 11. oktober 2025');
    expect(formatDate(at, 'nb', 'long')).toBe('20. januar 2027');
    expect(formatDate(at, 'nn', 'short')).toBe('20.01.2027');
    expect(formatDate(at, 'en', 'full')).toBe('Wednesday, 20 January 2027');
    expect(formatDate(at, 'en', 'short')).toBe('20/01/2027');
  });
});

describe('formatTime and formatDateTime', () => {
  it('uses the 24-hour clock and each language’s joining word', () => {
    const at = new Date('2025-10-14T08:05:09Z');
    expect(formatTime(at)).toBe('10:05');
    expect(formatTime(at, 'medium')).toBe('10:05:09');
    expect(formatDateTime(at, 'nn', 'long')).toBe('14. oktober 2025 kl. 10:05');
    expect(formatDateTime(at, 'nb', 'short')).toBe('14.10.2025, 10:05');
    expect(formatDateTime(at, 'en', 'full')).toBe('Tuesday, 14 October 2025 at 10:05');
  });
});

describe('formatTimeRange', () => {
  it('gives one day with both clock times', () => {
    expect(formatTimeRange('2027-01-20T08:00:00Z', '2027-01-20T13:00:00Z', 'nn')).toBe(
      'onsdag 20. januar 2027, 09:00–14:00',
    );
    expect(formatTimeRange('2027-01-20T08:00:00Z', '2027-01-20T13:00:00Z', 'en')).toBe(
      'Wednesday, 20 January 2027, 09:00–14:00',
    );
  });

  it('names both days when the event runs past midnight in Oslo', () => {
    expect(formatTimeRange('2025-03-29T22:00:00Z', '2025-03-30T01:00:00Z', 'nn')).toBe(
      'laurdag 29. mars 2025 kl. 23:00 – søndag 30. mars 2025 kl. 03:00',
    );
  });
});

describe('formatDayAndMonth', () => {
  it('gives the badge’s day and short month in Oslo', () => {
    expect(formatDayAndMonth('2026-12-07T10:00:00Z', 'nn')).toEqual({ day: '7.', month: 'des' });
    expect(formatDayAndMonth('2026-12-07T10:00:00Z', 'en')).toEqual({ day: '7', month: 'Dec' });
  });
});
