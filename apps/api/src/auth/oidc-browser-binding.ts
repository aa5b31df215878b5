import { createHash, randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import { safeEqual } from '@folkemote/accounts';
import { parseCookies } from './session-cookie.ts';

/**
 * Ties an OpenID Connect sign-in to the browser that started it. The start sets a short-lived,
 * signed, HttpOnly, SameSite=Lax cookie with a random nonce, and the pending sign-in keeps only
 * its hash; the callback is taken only from a browser that sends that nonce back. So a callback
 * link someone else started (login CSRF) cannot sign a visitor into the other person's account.
 * Over https the cookie carries the `__Host-` prefix, so no other subdomain can set it.
 */
export const OIDC_BINDING_TTL_SECONDS = 600;

const cookieName = (secure: boolean) => (secure ? '__Host-folkemote_oidc' : 'folkemote_oidc');

export const hashBindingNonce = (nonce: string) => createHash('sha256').update(nonce).digest('base64url');

export function newBindingNonce(): string {
  return randomBytes(32).toString('base64url');
}

function serializeBindingCookie(value: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  return [
    `${cookieName(options.secure)}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${options.maxAgeSeconds}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

export function bindingCookie(nonce: string, options: { secret: string; secure: boolean }): string {
  return serializeBindingCookie(fastifyCookie.sign(nonce, options.secret), {
    secure: options.secure,
    maxAgeSeconds: OIDC_BINDING_TTL_SECONDS,
  });
}

export function clearBindingCookie(options: { secure: boolean }): string {
  return serializeBindingCookie('', { secure: options.secure, maxAgeSeconds: 0 });
}

/** The nonce of the request's binding cookie when its signature holds, otherwise null. */
export function readBindingNonce(
  cookieHeader: string | undefined,
  options: { secret: string; secure: boolean },
): string | null {
  const signed = parseCookies(cookieHeader).get(cookieName(options.secure));
  if (!signed) return null;
  const unsigned = fastifyCookie.unsign(signed, options.secret);
  return unsigned.valid && unsigned.value ? unsigned.value : null;
}

/** Whether the browser's nonce is the one the pending sign-in was started with. */
export function isSameBrowser(nonce: string | null, expectedHash: string): boolean {
  return nonce !== null && safeEqual(hashBindingNonce(nonce), expectedHash);
}
