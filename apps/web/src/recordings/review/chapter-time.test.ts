import { describe, expect, it } from 'vitest';
import { formatChapterTime, parseChapterTime } from './chapter-time.ts';

describe('chapter times', () => {
  it('reads minutes and seconds, hours, and plain seconds', () => {
    expect(parseChapterTime('12:30')).toBe(750);
    expect(parseChapterTime('1:02:03')).toBe(3723);
    expect(parseChapterTime(' 45 ')).toBe(45);
    expect(parseChapterTime('0:02.5')).toBe(2.5);
  });

  it('refuses what is not a time', () => {
    for (const bad of ['', 'tolv', '1:60', '-3', '1:2:3:4', '1::2'])
      expect(parseChapterTime(bad), bad).toBeNull();
  });

  it('writes back what it reads', () => {
    for (const seconds of [0, 2.5, 750, 3723])
      expect(parseChapterTime(formatChapterTime(seconds))).toBe(seconds);
  });
});
