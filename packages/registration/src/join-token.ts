import { createHash, randomUUID } from 'node:crypto';
import type { Queryable } from '@folkemote/db';
import { derivedToken } from './derived-token.ts';

/**
 * The token in a registrant's personal link, derived from the link's id
 * (`registrations.link_id`) with the installation's secret: the e-mail jobs can
 * put the link in every message they send, while the database keeps only a hash
 * of it. A registration gets a new link id, and so a new token, when its
 * address registers again after a cancellation; the old link stops working.
 */
export function joinTokenFor(db: Queryable, linkId: string): Promise<string> {
  return derivedToken('join', db, linkId);
}

/** A new personal link: its id, to store with the registration, its token, and the hash the token is found by. */
export async function issuePersonalLink(
  db: Queryable,
): Promise<{ linkId: string; token: string; tokenHash: string }> {
  const linkId = randomUUID();
  const token = await joinTokenFor(db, linkId);
  return { linkId, token, tokenHash: hashJoinToken(token) };
}

export function hashJoinToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function personalLinkUrl(publicAppUrl: string, token: string): string {
  return `${publicAppUrl}/p/${token}`;
}

/** Shape check before any database work: 43 base64url characters (a SHA-256 HMAC). */
export function isWellFormedJoinToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
