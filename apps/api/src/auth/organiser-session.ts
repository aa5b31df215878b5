import { createSecretToken, hashSecretToken } from '@folkemote/accounts';
import {
  deleteExpiredOrganiserSessions,
  deleteOrganiserSession,
  findSessionAccount,
  insertOrganiserSession,
  type Queryable,
} from '@folkemote/db';
import { csrfTokenFor } from './csrf.ts';

export interface SessionAccount {
  account: { id: string; email: string; displayName: string };
  organisation: { id: string; slug: string; name: string };
  csrfToken: string;
  expiresAt: string;
}

/** Starts a session for the account; the returned id goes into the cookie and nowhere else. */
export async function createOrganiserSession(
  db: Queryable,
  accountId: string,
  ttlHours: number,
): Promise<{ sessionId: string; expiresAt: Date }> {
  // Sweeping on sign-in keeps the table small without a job of its own; expired rows are never read anyway.
  await deleteExpiredOrganiserSessions(db);
  const sessionId = createSecretToken('fms');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await insertOrganiserSession(db, { idHash: hashSecretToken(sessionId), accountId, expiresAt });
  return { sessionId, expiresAt };
}

/** The signed-in account of a session id, or null when it is unknown or expired. */
export async function readOrganiserSession(db: Queryable, sessionId: string): Promise<SessionAccount | null> {
  const row = await findSessionAccount(db, hashSecretToken(sessionId));
  if (!row) return null;
  return {
    account: { id: row.id, email: row.email, displayName: row.displayName },
    organisation: { id: row.organisationId, slug: row.organisationSlug, name: row.organisationName },
    csrfToken: csrfTokenFor(sessionId),
    expiresAt: new Date(row.expiresAt).toISOString(),
  };
}

export async function endOrganiserSession(db: Queryable, sessionId: string): Promise<void> {
  await deleteOrganiserSession(db, hashSecretToken(sessionId));
}
