import { describe, expect, it } from 'vitest';
import { formatTrimTime, parseTrimTime } from './trim-time.ts';

describe('trim times', () => {
  it('formats hh:mm:ss.mmm', () => {
    expect(formatTrimTime(0)).toBe('00:00:00.000');
    expect(formatTrimTime(3725.0406)).toBe('01:02:05.041');
    expect(formatTrimTime(59.9996)).toBe('00:01:00.000');
  });

  it('reads what it writes, and shorter forms', () => {
    for (const t of [0, 1.5, 61.25, 3725.041]) expect(parseTrimTime(formatTrimTime(t))).toBeCloseTo(t, 3);
    expect(parseTrimTime('1:05')).toBe(65);
    expect(parseTrimTime('12,5')).toBe(12.5);
    expect(parseTrimTime(' 00:10:00.2 ')).toBe(600.2);
  });

  it('refuses what is not a time', () => {
    for (const text of ['', 'abc', '1:75', '00:00:61', '1:2:3:4', '-3', '10.1234'])
      expect(parseTrimTime(text)).toBeNull();
  });
});
