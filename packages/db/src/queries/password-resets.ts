import type { Queryable } from '../database.ts';

export interface PasswordResetRow {
  id: string;
  accountId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** A reset link for the account; the database keeps its token's SHA-256 only. */
export async function insertPasswordReset(
  db: Queryable,
  input: { id: string; accountId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db.query(
    'insert into password_resets (id, account_id, token_hash, expires_at) values ($1, $2, $3, $4)',
    [input.id, input.accountId, input.tokenHash, input.expiresAt],
  );
}

export async function findPasswordResetById(db: Queryable, id: string): Promise<PasswordResetRow | null> {
  const { rows } = await db.query<PasswordResetRow>(
    `select id, account_id as "accountId", expires_at as "expiresAt", used_at as "usedAt"
     from password_resets where id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** Whether a reset link is unused and unexpired, without using it up. */
export async function isPasswordResetUsable(db: Queryable, tokenHash: string): Promise<boolean> {
  const { rows } = await db.query(
    'select 1 from password_resets where token_hash = $1 and used_at is null and expires_at > now()',
    [tokenHash],
  );
  return rows.length > 0;
}

/**
 * Uses up a reset link that is unused and unexpired, in one statement so two uses cannot both
 * succeed. The account's id, or null when the link is unknown, used or expired.
 */
export async function consumePasswordReset(db: Queryable, tokenHash: string): Promise<string | null> {
  const { rows } = await db.query<{ accountId: string }>(
    `update password_resets set used_at = now()
     where token_hash = $1 and used_at is null and expires_at > now()
     returning account_id as "accountId"`,
    [tokenHash],
  );
  return rows[0]?.accountId ?? null;
}

/** The account's other reset links stop working once its password has been set. */
export async function retirePasswordResets(db: Queryable, accountId: string): Promise<void> {
  await db.query('update password_resets set used_at = now() where account_id = $1 and used_at is null', [
    accountId,
  ]);
}

/** Sets a new password hash. */
export async function updateOrganiserPassword(db: Queryable, accountId: string, passwordHash: string) {
  await db.query('update organiser_accounts set password_hash = $2, updated_at = now() where id = $1', [
    accountId,
    passwordHash,
  ]);
}

/** Ends every session of the account; their id hashes, so their open streams can be withdrawn. */
export async function deleteAccountSessions(db: Queryable, accountId: string): Promise<string[]> {
  const { rows } = await db.query<{ idHash: string }>(
    'delete from organiser_sessions where account_id = $1 returning id_hash as "idHash"',
    [accountId],
  );
  return rows.map((r) => r.idHash);
}
