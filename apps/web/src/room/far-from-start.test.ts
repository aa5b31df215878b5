import { describe, expect, it } from 'vitest';
import { isFarFromStart } from './far-from-start.ts';

describe('going live far from the scheduled start', () => {
  const start = '2027-01-20T09:00:00+01:00';
  const at = (minutes: number) => Date.parse(start) + minutes * 60_000;

  it('asks more than an hour before or after the start', () => {
    expect(isFarFromStart(start, at(-65 * 24 * 60))).toBe(true);
    expect(isFarFromStart(start, at(-61))).toBe(true);
    expect(isFarFromStart(start, at(61))).toBe(true);
  });

  it('goes straight on within the hour, and when the start is unknown', () => {
    expect(isFarFromStart(start, at(-59))).toBe(false);
    expect(isFarFromStart(start, at(0))).toBe(false);
    expect(isFarFromStart(start, at(59))).toBe(false);
    expect(isFarFromStart(null, at(-600))).toBe(false);
  });
});
