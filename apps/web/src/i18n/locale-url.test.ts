import { describe, expect, it } from 'vitest';
import { readLocale, withLocale } from './locale-url.ts';

describe('readLocale', () => {
  it('reads a supported language from ?lang=', () => {
    expect(readLocale('?lang=nn')).toBe('nn');
    expect(readLocale('?x=1&lang=en')).toBe('en');
  });

  it('falls back to bokmål for a missing or unknown language', () => {
    expect(readLocale('')).toBe('nb');
    expect(readLocale('?lang=sv')).toBe('nb');
    expect(readLocale('?lang=')).toBe('nb');
  });
});

describe('withLocale', () => {
  it('adds the language to an address, keeping other parameters', () => {
    expect(withLocale('/organiser/recordings', 'nn')).toBe('/organiser/recordings?lang=nn');
    expect(withLocale('/?page=2', 'en')).toBe('/?page=2&lang=en');
  });

  it('leaves bokmål out of the address and replaces an earlier choice', () => {
    expect(withLocale('/tilgjengelighet?lang=en', 'nb')).toBe('/tilgjengelighet');
    expect(withLocale('/?lang=en', 'nn')).toBe('/?lang=nn');
  });
});
