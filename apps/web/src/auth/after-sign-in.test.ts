import { describe, expect, it } from 'vitest';
import { pathAfterSignIn } from './after-sign-in.ts';

describe('pathAfterSignIn', () => {
  it('goes on in the language chosen on the sign-in page', () => {
    expect(pathAfterSignIn('/organiser/recordings', 'nn')).toBe('/organiser/recordings?lang=nn');
    expect(pathAfterSignIn('/organiser/recordings?lang=en', 'nn')).toBe('/organiser/recordings?lang=nn');
    expect(pathAfterSignIn('/organiser/recordings?lang=nn', 'nb')).toBe('/organiser/recordings');
  });

  it('keeps the rest of the address it was sent from', () => {
    expect(pathAfterSignIn('/organiser/events?page=2', 'en')).toBe('/organiser/events?page=2&lang=en');
  });

  it('falls back to the events for no address or one off this site', () => {
    expect(pathAfterSignIn(null, 'nn')).toBe('/organiser/events?lang=nn');
    expect(pathAfterSignIn('//evil.example/', 'nb')).toBe('/organiser/events');
    expect(pathAfterSignIn('/\\evil.example/', 'nb')).toBe('/organiser/events');
    expect(pathAfterSignIn('https://evil.example/', 'en')).toBe('/organiser/events?lang=en');
  });
});
