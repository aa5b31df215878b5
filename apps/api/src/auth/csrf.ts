import { createHash } from 'node:crypto';
import { safeEqual } from '@folkemote/accounts';

export const CSRF_HEADER = 'x-csrf-token';

/**
 * The CSRF token of a session, derived from its secret id: the browser learns it
 * from GET /api/auth/session (a same-origin read another site cannot make) and
 * sends it back in a header that a cross-site form cannot set.
 */
export function csrfTokenFor(sessionId: string): string {
  return createHash('sha256').update(`csrf:${sessionId}`).digest('base64url');
}

export const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export type CsrfVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Checks a cookie-authenticated request that changes something: the Origin, when
 * the browser sends one, must be ours, and the header must carry the session's token.
 */
export function checkCsrf(input: {
  method: string;
  sessionId: string;
  headerToken: string | undefined;
  origin: string | undefined;
  allowedOrigins: readonly string[];
}): CsrfVerdict {
  if (safeMethods.has(input.method.toUpperCase())) return { ok: true };
  if (input.origin !== undefined && input.origin !== 'null' && !input.allowedOrigins.includes(input.origin))
    return { ok: false, reason: 'The request came from another site' };
  if (input.origin === 'null') return { ok: false, reason: 'The request came from an opaque origin' };
  if (!input.headerToken) return { ok: false, reason: `The ${CSRF_HEADER} header is missing` };
  if (!safeEqual(input.headerToken, csrfTokenFor(input.sessionId)))
    return { ok: false, reason: `The ${CSRF_HEADER} header does not match the session` };
  return { ok: true };
}
