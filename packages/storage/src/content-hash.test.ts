import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash.ts';

describe('contentHash', () => {
  it('names the same text alike and another text otherwise, in 12 hex digits', () => {
    const first = contentHash('WEBVTT\n\n00:00.000 --> 00:01.000\nHei\n');
    expect(first).toMatch(/^[0-9a-f]{12}$/);
    expect(contentHash('WEBVTT\n\n00:00.000 --> 00:01.000\nHei\n')).toBe(first);
    expect(contentHash('WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n')).not.toBe(first);
  });

  it('hashes bytes as their text', () => {
    expect(contentHash(new TextEncoder().encode('kapittel'))).toBe(contentHash('kapittel'));
  });
});
