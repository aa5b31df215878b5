import { describe, expect, it } from 'vitest';
import { formatCueTime } from './format-cue-time.ts';

describe('formatCueTime', () => {
  it('shows minutes, seconds and tenths, and hours past an hour', () => {
    expect(formatCueTime(0)).toBe('0:00.0');
    expect(formatCueTime(1_599)).toBe('0:01.5');
    expect(formatCueTime(61_000)).toBe('1:01.0');
    expect(formatCueTime(3_723_400)).toBe('1:02:03.4');
  });
});
