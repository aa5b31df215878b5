import { describe, expect, it } from 'vitest';
import {
  bindingCookie,
  clearBindingCookie,
  hashBindingNonce,
  isSameBrowser,
  newBindingNonce,
  readBindingNonce,
} from './oidc-browser-binding.ts';

const secret = 'test-signing-secret';
const cookieHeaderOf = (setCookie: string) => setCookie.split(';')[0]!;

describe('OpenID Connect browser binding', () => {
  it('is a signed, HttpOnly, SameSite=Lax cookie for ten minutes, with __Host- and Secure over https', () => {
    const nonce = newBindingNonce();
    expect(bindingCookie(nonce, { secret, secure: false })).toMatch(
      /^folkemote_oidc=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=600$/,
    );
    expect(bindingCookie(nonce, { secret, secure: true })).toMatch(
      /^__Host-folkemote_oidc=[^;]+; .*; Secure$/,
    );
    expect(clearBindingCookie({ secure: false })).toBe(
      'folkemote_oidc=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0',
    );
  });

  it('reads back the nonce of its own cookie, and nothing from a forged or foreign one', () => {
    const nonce = newBindingNonce();
    const header = cookieHeaderOf(bindingCookie(nonce, { secret, secure: false }));
    expect(readBindingNonce(`a=1; ${header}`, { secret, secure: false })).toBe(nonce);
    expect(readBindingNonce(header, { secret: 'another-secret', secure: false })).toBeNull();
    expect(readBindingNonce(`folkemote_oidc=${nonce}.forged`, { secret, secure: false })).toBeNull();
    expect(readBindingNonce(undefined, { secret, secure: false })).toBeNull();
    // Over https only the __Host- cookie counts.
    expect(readBindingNonce(header, { secret, secure: true })).toBeNull();
  });

  it('matches a browser only to the sign-in it started', () => {
    const mine = newBindingNonce();
    const theirs = newBindingNonce();
    expect(isSameBrowser(mine, hashBindingNonce(mine))).toBe(true);
    expect(isSameBrowser(theirs, hashBindingNonce(mine))).toBe(false);
    expect(isSameBrowser(null, hashBindingNonce(mine))).toBe(false);
    expect(hashBindingNonce(mine)).not.toContain(mine);
  });
});
