import { describe, expect, it } from 'vitest';
import { normaliseForWer, wordErrorRate } from './word-error-rate.ts';

describe('wordErrorRate', () => {
  it('counts substitutions, insertions and deletions against the reference words', () => {
    expect(
      wordErrorRate('he was not an ill disposed young man', 'he was not an illness those young man'),
    ).toEqual({
      errors: 2,
      words: 8,
      wer: 2 / 8,
    });
    expect(wordErrorRate('a b c', 'a b c').wer).toBe(0);
    expect(wordErrorRate('a b c', '').errors).toBe(3);
    expect(wordErrorRate('a b', 'x a b y').errors).toBe(2);
  });

  it('compares normalised text: case and punctuation do not count', () => {
    expect(normaliseForWer("God kveld, Ålesund! Det er John's tur.")).toEqual([
      'god',
      'kveld',
      'ålesund',
      'det',
      'er',
      "john's",
      'tur',
    ]);
    expect(wordErrorRate('God kveld.', 'god kveld').wer).toBe(0);
  });
});
