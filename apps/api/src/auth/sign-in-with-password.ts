import { findOrganiserAccountByEmail, type Queryable } from '@folkemote/db';
import type { LoginRateLimit } from './login-rate-limit.ts';
import { createOrganiserSession } from './organiser-session.ts';
import { decoyPasswordHash, verifyPassword } from './password-hash.ts';

export type SignInResult =
  | { ok: true; sessionId: string; expiresAt: Date }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'rate_limited'; scope: 'account' | 'address'; retryAfterSeconds: number };

/**
 * Checks an e-mail and password against the local accounts. Every refusal looks
 * the same and takes as long, whether the address is unknown, has no password
 * (provider sign-in only) or the password is wrong.
 */
export async function signInWithPassword(
  deps: { db: Queryable; rateLimit: LoginRateLimit; sessionTtlHours: number },
  input: { email: string; password: string; ip: string },
): Promise<SignInResult> {
  const verdict = await deps.rateLimit.check(input.email, input.ip);
  if (verdict.limited) return { ok: false, ...verdict, reason: 'rate_limited' };
  const account = await findOrganiserAccountByEmail(deps.db, input.email);
  const valid = await verifyPassword(input.password, account?.passwordHash ?? (await decoyPasswordHash()));
  if (!account?.passwordHash || !valid) {
    await deps.rateLimit.recordFailure(input.email, input.ip);
    return { ok: false, reason: 'invalid_credentials' };
  }
  await deps.rateLimit.recordSuccess(input.email);
  const session = await createOrganiserSession(deps.db, account.id, deps.sessionTtlHours);
  return { ok: true, ...session };
}
