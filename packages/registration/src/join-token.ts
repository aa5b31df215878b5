import { createHash, createHmac } from 'node:crypto';
import { ensureAppSecret, type Queryable } from '@folkemote/db';

let cachedSecret: Promise<string> | null = null;
let cachedFor: Queryable | null = null;

async function linkSecret(db: Queryable): Promise<string> {
  if (!cachedSecret || cachedFor !== db) {
    cachedFor = db;
    cachedSecret = ensureAppSecret(db, 'personal-link').catch((err) => {
      cachedSecret = null;
      throw err;
    });
  }
  return cachedSecret;
}

/**
 * The token in a registrant's personal link, derived from the registration id
 * with the installation's secret: the e-mail jobs can put the link in every
 * message, while the database keeps only a hash of it.
 */
export async function joinTokenFor(db: Queryable, registrationId: string): Promise<string> {
  return createHmac('sha256', await linkSecret(db))
    .update(`join:${registrationId}`)
    .digest('base64url');
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
