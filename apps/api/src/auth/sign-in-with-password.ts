import { decoyPasswordHash, verifyPassword } from '@folkemote/accounts';
import { findOrganiserAccountByEmail, type Queryable } from '@folkemote/db';
import type { LoginRateLimit } from './login-rate-limit.ts';
import { createOrganiserSession } from './organiser-session.ts';
import { GateBusy, type VerificationGate } from './verification-gate.ts';

export type SignInResult =
  | { ok: true; sessionId: string; expiresAt: Date }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'rate_limited'; scope: 'account' | 'address'; retryAfterSeconds: number }
  | { ok: false; reason: 'busy'; retryAfterSeconds: number };

/**
 * Checks an e-mail and password against the local accounts. The attempt is counted before the
 * password is checked, so parallel guesses get no more checks than the limit allows, and the
 * check waits for a slot of the verification gate. Every refusal looks the same and takes as
 * long, whether the address is unknown, has no password (provider sign-in only) or the password
 * is wrong.
 */
export async function signInWithPassword(
  deps: { db: Queryable; rateLimit: LoginRateLimit; gate: VerificationGate; sessionTtlHours: number },
  input: { email: string; password: string; ip: string },
): Promise<SignInResult> {
  const verdict = await deps.rateLimit.reserve(input.email, input.ip);
  if (verdict.limited) return { ok: false, ...verdict, reason: 'rate_limited' };
  const account = await findOrganiserAccountByEmail(deps.db, input.email);
  const stored = account?.passwordHash ?? (await decoyPasswordHash());
  let valid: boolean;
  try {
    valid = await deps.gate.run(() => verifyPassword(input.password, stored));
  } catch (err) {
    if (!(err instanceof GateBusy)) throw err;
    // Never checked, so not a failure either.
    await deps.rateLimit.release(input.email, input.ip);
    return { ok: false, reason: 'busy', retryAfterSeconds: err.retryAfterSeconds };
  }
  if (!account?.passwordHash || !valid) return { ok: false, reason: 'invalid_credentials' };
  await deps.rateLimit.recordSuccess(input.email, input.ip);
  const session = await createOrganiserSession(deps.db, account.id, deps.sessionTtlHours);
  return { ok: true, ...session };
}
