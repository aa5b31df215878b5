import type { Queryable } from '../database.ts';
import type { OrganiserAccountRow } from './organiser-accounts.ts';

export interface OrganiserSessionRow {
  idHash: string;
  accountId: string;
  expiresAt: Date;
}

/** The session's id is a secret held only by the browser; the database keeps its SHA-256. */
export async function insertOrganiserSession(
  db: Queryable,
  input: { idHash: string; accountId: string; expiresAt: Date },
): Promise<void> {
  await db.query('insert into organiser_sessions (id_hash, account_id, expires_at) values ($1, $2, $3)', [
    input.idHash,
    input.accountId,
    input.expiresAt,
  ]);
}

/** The account behind a session that has not expired, or null. */
export async function findSessionAccount(
  db: Queryable,
  idHash: string,
): Promise<(OrganiserAccountRow & { expiresAt: Date }) | null> {
  const { rows } = await db.query<OrganiserAccountRow & { expiresAt: Date }>(
    `select a.id, a.organisation_id as "organisationId", o.slug as "organisationSlug",
       o.name as "organisationName", a.email, a.display_name as "displayName", a.password_hash as "passwordHash",
       a.oidc_issuer as "oidcIssuer", a.oidc_subject as "oidcSubject", a.created_at as "createdAt",
       s.expires_at as "expiresAt"
     from organiser_sessions s
     join organiser_accounts a on a.id = s.account_id
     join organisations o on o.id = a.organisation_id
     where s.id_hash = $1 and s.expires_at > now()`,
    [idHash],
  );
  return rows[0] ?? null;
}

export async function deleteOrganiserSession(db: Queryable, idHash: string): Promise<void> {
  await db.query('delete from organiser_sessions where id_hash = $1', [idHash]);
}

export async function deleteExpiredOrganiserSessions(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'with gone as (delete from organiser_sessions where expires_at <= now() returning 1) select count(*)::int as n from gone',
  );
  return rows[0]?.n ?? 0;
}
