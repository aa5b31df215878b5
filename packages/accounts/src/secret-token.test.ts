import { describe, expect, it } from 'vitest';
import { createSecretToken, hashSecretToken, safeEqual } from './secret-token.ts';

describe('secret tokens', () => {
  it('are 256 random bits behind a prefix', () => {
    const token = createSecretToken('fmt');
    expect(token).toMatch(/^fmt_[\w-]{43}$/);
    expect(createSecretToken('fmt')).not.toBe(token);
  });

  it('are stored as their SHA-256', () => {
    expect(hashSecretToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('compare in constant time and by value', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
