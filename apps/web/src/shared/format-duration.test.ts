import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/messages.ts';
import { formatDuration, toIsoDuration } from './format-duration.ts';

describe('formatDuration', () => {
  it('writes seconds, minutes and hours in words', () => {
    expect(formatDuration(42, messages.nb)).toBe('42 s');
    expect(formatDuration(185, messages.nn)).toBe('3 min 5 s');
    expect(formatDuration(3 * 3600 + 61, messages.en)).toBe('3 h 1 min');
  });

  it('says the length is unknown when the source has not been probed', () => {
    expect(formatDuration(null, messages.nb)).toBe('Ukjent');
    expect(formatDuration(null, messages.nn)).toBe('Ukjend');
  });
});

describe('toIsoDuration', () => {
  it('gives a machine-readable length for <time>', () => {
    expect(toIsoDuration(3725)).toBe('PT1H2M5S');
    expect(toIsoDuration(120)).toBe('PT2M');
    expect(toIsoDuration(0)).toBe('PT0S');
  });
});
