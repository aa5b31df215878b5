import { describe, expect, it } from 'vitest';
import { announcedTimeLeft, countdownParts, twoDigits } from './countdown.ts';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

describe('countdownParts', () => {
  it('splits the time left into days, hours, minutes and seconds', () => {
    expect(countdownParts(2 * day + 3 * hour + 4 * minute + 5 * second + 999)).toEqual({
      days: 2,
      hours: 3,
      minutes: 4,
      seconds: 5,
    });
  });

  it('stops at zero', () => {
    expect(countdownParts(-5 * minute)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0 });
  });
});

describe('announcedTimeLeft', () => {
  it('rounds up to whole minutes, so it changes once a minute at most', () => {
    expect(announcedTimeLeft(4 * minute + 1)).toEqual({ days: 0, hours: 0, minutes: 5 });
    expect(announcedTimeLeft(5 * minute)).toEqual({ days: 0, hours: 0, minutes: 5 });
    expect(announcedTimeLeft(1)).toEqual({ days: 0, hours: 0, minutes: 1 });
    expect(announcedTimeLeft(90 * minute)).toEqual({ days: 0, hours: 1, minutes: 30 });
  });

  it('gives the same text for every second within a minute', () => {
    const texts = new Set<string>();
    for (let ms = 10 * minute + 1; ms <= 11 * minute; ms += 997)
      texts.add(JSON.stringify(announcedTimeLeft(ms)));
    expect(texts.size).toBe(1);
  });

  it('counts in hours more than a day away', () => {
    expect(announcedTimeLeft(2 * day + 3 * hour + 10 * minute)).toEqual({ days: 2, hours: 4, minutes: 0 });
    expect(announcedTimeLeft(day + 1)).toEqual({ days: 1, hours: 1, minutes: 0 });
  });

  it('is null once the time has come', () => {
    expect(announcedTimeLeft(0)).toBeNull();
    expect(announcedTimeLeft(-1)).toBeNull();
  });
});

describe('twoDigits', () => {
  it('pads', () => {
    expect(twoDigits(7)).toBe('07');
    expect(twoDigits(42)).toBe('42');
  });
});
