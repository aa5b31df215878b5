import { describe, expect, it } from 'vitest';
import {
  describeFormat,
  formatBytes,
  formatClock,
  formatDate,
  formatDurationWords,
  formatEventTime,
  formatIsoDuration,
  formatRfc822,
} from './format.ts';

describe('durations', () => {
  it('formats the clock form', () => {
    expect(formatClock(5)).toBe('0:05');
    expect(formatClock(309)).toBe('5:09');
    expect(formatClock(3909.4)).toBe('1:05:09');
  });

  it('formats words for screen readers, dropping seconds from long recordings', () => {
    expect(formatDurationWords('nb', 3909)).toBe('1 time 5 minutter');
    expect(formatDurationWords('nn', 7260)).toBe('2 timar 1 minutt');
    expect(formatDurationWords('en', 61)).toBe('1 minute 1 second');
    expect(formatDurationWords('nb', 0)).toBe('0 sekunder');
    expect(formatDurationWords('nb', 120)).toBe('2 minutter');
  });

  it('formats ISO 8601 durations', () => {
    expect(formatIsoDuration(3909)).toBe('PT1H5M9S');
    expect(formatIsoDuration(3600)).toBe('PT1H');
    expect(formatIsoDuration(0)).toBe('PT0S');
  });
});

describe('formatBytes', () => {
  it('uses decimal units and the locale decimal separator', () => {
    expect(formatBytes('nb', 312_456_789)).toBe('312,5 MB');
    expect(formatBytes('en', 1_500_000_000)).toBe('1.5 GB');
    expect(formatBytes('nb', 999)).toBe('999 B');
  });
});

describe('dates', () => {
  it('shows event times in Norwegian time in winter and summer', () => {
    expect(formatEventTime('nb', '2025-03-11T17:00:00Z', '2025-03-11T18:30:00Z')).toBe(
      'tirsdag 11. mars 2025, 18:00–19:30',
    );
    expect(formatEventTime('nn', '2025-06-10T08:00:00Z', '2025-06-10T09:00:00Z')).toBe(
      'tysdag 10. juni 2025, 10:00–11:00',
    );
    const english = formatEventTime('en', '2025-06-10T08:00:00Z', '2025-06-10T09:00:00Z');
    expect(english).toMatch(/^Tuesday,? 10 June 2025/);
    expect(english).toContain('10:00–11:00');
  });

  it('formats the day in Oslo, not in UTC', () => {
    expect(formatDate('nb', '2025-03-11T23:30:00Z')).toBe('12. mars 2025');
  });

  it('formats RFC 822 dates for RSS', () => {
    expect(formatRfc822('2025-03-12T08:15:00.000Z')).toBe('Wed, 12 Mar 2025 08:15:00 GMT');
  });
});

describe('describeFormat', () => {
  it('names the file type from its extension or MIME type', () => {
    expect(describeFormat('video/mp4', 'download.mp4')).toBe('MP4');
    expect(describeFormat('audio/mp4', 'download')).toBe('MP4');
  });
});
