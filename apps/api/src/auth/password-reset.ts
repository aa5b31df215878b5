import { randomUUID } from 'node:crypto';
import { hashPassword, hashSecretToken } from '@folkemote/accounts';
import {
  consumePasswordReset,
  deleteAccountSessions,
  findOrganiserAccountByEmail,
  insertPasswordReset,
  isPasswordResetUsable,
  retirePasswordResets,
  updateOrganiserPassword,
} from '@folkemote/db';
import type { Locale } from '@folkemote/domain';
import { passwordResetTokenFor, sendPasswordReset } from '@folkemote/registration';
import type { ApiDeps } from '../api-deps.ts';
import type { LoginRateLimit } from './login-rate-limit.ts';

/** A reset link works for an hour; three asked for per address, ten per network address, an hour. */
export const passwordResetLimits = {
  linkTtlMs: 60 * 60 * 1000,
  rate: { windowMs: 60 * 60 * 1000, perAccount: 3, perAddress: 10 },
};

export type ResetRequestResult =
  | { ok: true; sending: Promise<void> }
  | { ok: false; reason: 'rate_limited'; scope: 'account' | 'address'; retryAfterSeconds: number };

/**
 * Asks for a reset link. Every answer that is not a rate limit is the same, whether the address
 * has a local account, has a provider sign-in only (no e-mail then), or is unknown; and it comes
 * before the account is even looked up (`sending` runs on after it), so its timing says nothing.
 */
export async function requestPasswordReset(
  deps: Pick<ApiDeps, 'db' | 'queues' | 'config'> & { rateLimit: LoginRateLimit },
  input: { email: string; ip: string; language: Locale },
): Promise<ResetRequestResult> {
  const verdict = await deps.rateLimit.reserve(input.email, input.ip);
  if (verdict.limited) return { ok: false, ...verdict, reason: 'rate_limited' };
  return { ok: true, sending: sendResetIfLocal(deps, input) };
}

async function sendResetIfLocal(
  deps: Pick<ApiDeps, 'db' | 'queues' | 'config'>,
  input: { email: string; language: Locale },
): Promise<void> {
  const account = await findOrganiserAccountByEmail(deps.db, input.email);
  if (!account?.passwordHash) return;
  const id = randomUUID();
  await insertPasswordReset(deps.db, {
    id,
    accountId: account.id,
    tokenHash: hashSecretToken(await passwordResetTokenFor(deps.db, id)),
    expiresAt: new Date(Date.now() + passwordResetLimits.linkTtlMs),
  });
  await sendPasswordReset(
    { db: deps.db, queues: deps.queues, publicAppUrl: deps.config.publicAppUrl },
    { resetId: id, to: account.email, displayName: account.displayName, language: input.language },
  );
}

/**
 * Sets a new password with a reset link, which is used up; the account's other links stop working
 * and its sessions end. The id hashes of the ended sessions are returned, or null when the link is
 * unknown, used or expired. Nobody is signed in.
 */
export async function resetPassword(
  deps: Pick<ApiDeps, 'db'>,
  input: { token: string; password: string },
): Promise<string[] | null> {
  const tokenHash = hashSecretToken(input.token);
  // Checked first, so a made-up link costs no password hashing.
  if (!(await isPasswordResetUsable(deps.db, tokenHash))) return null;
  const passwordHash = await hashPassword(input.password);
  const accountId = await consumePasswordReset(deps.db, tokenHash);
  if (!accountId) return null;
  await updateOrganiserPassword(deps.db, accountId, passwordHash);
  await retirePasswordResets(deps.db, accountId);
  return deleteAccountSessions(deps.db, accountId);
}
