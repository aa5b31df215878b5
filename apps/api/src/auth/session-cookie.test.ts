import { describe, expect, it } from 'vitest';
import { clearSessionCookie, parseCookies, serializeSessionCookie } from './session-cookie.ts';

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, and Secure only over https', () => {
    expect(serializeSessionCookie('fms_a', { secure: false, maxAgeSeconds: 3600 })).toBe(
      'folkemote_session=fms_a; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600',
    );
    expect(serializeSessionCookie('fms_a', { secure: true, maxAgeSeconds: 60 })).toMatch(/; Secure$/);
    expect(clearSessionCookie({ secure: false })).toContain('Max-Age=0');
  });

  it('parses a Cookie header and skips malformed pairs', () => {
    const cookies = parseCookies('a=1; folkemote_session=fms_x%2Dy; broken; b=%E0%A4%A');
    expect(cookies.get('folkemote_session')).toBe('fms_x-y');
    expect(cookies.get('a')).toBe('1');
    expect(cookies.has('b')).toBe(false);
    expect(parseCookies(undefined).size).toBe(0);
  });
});
