import { describe, expect, it } from 'vitest';
import { checkCsrf, csrfTokenFor } from './csrf.ts';

const sessionId = 'fms_session-secret';
const base = {
  method: 'POST',
  sessionId,
  headerToken: csrfTokenFor(sessionId),
  origin: 'https://folkemote.example.no',
  allowedOrigins: ['https://folkemote.example.no'],
};

describe('CSRF check', () => {
  it('lets safe methods through without a token', () => {
    expect(
      checkCsrf({ ...base, method: 'GET', headerToken: undefined, origin: 'https://evil.example' }),
    ).toEqual({
      ok: true,
    });
  });

  it('accepts the session token from our own origin, or with no Origin header', () => {
    expect(checkCsrf(base)).toEqual({ ok: true });
    expect(checkCsrf({ ...base, origin: undefined })).toEqual({ ok: true });
  });

  it('refuses another origin even with the right token', () => {
    expect(checkCsrf({ ...base, origin: 'https://evil.example' })).toEqual({
      ok: false,
      reason: 'The request came from another site',
    });
    expect(checkCsrf({ ...base, origin: 'null' }).ok).toBe(false);
  });

  it('refuses a missing token or one of another session', () => {
    expect(checkCsrf({ ...base, headerToken: undefined })).toEqual({
      ok: false,
      reason: 'The x-csrf-token header is missing',
    });
    expect(checkCsrf({ ...base, method: 'DELETE', headerToken: csrfTokenFor('other') }).ok).toBe(false);
  });

  it('derives a token that does not reveal the session id', () => {
    expect(csrfTokenFor(sessionId)).not.toContain(sessionId);
    expect(csrfTokenFor(sessionId)).toBe(csrfTokenFor(sessionId));
  });
});
