import { createHmac } from 'node:crypto';
import { ensureAppSecret, type Queryable } from '@folkemote/db';

/**
 * The links whose token is derived from a row's id with one of the installation's secrets, so an
 * e-mail job can put the link in as the message leaves while the database keeps only its hash:
 * the secret each uses, what its id is marked with, and how its token begins.
 */
const purposes = {
  /** A registrant's personal link (`registrations.link_id`): 43 base64url characters. */
  join: { secret: 'personal-link', prefix: '' },
  /** A host's, presenter's or moderator's link (`event_staff.id`): `fmp_` and 43 characters. */
  staff: { secret: 'staff-link', prefix: 'fmp_' },
  /** A password reset link (`password_resets.id`): `fmr_` and 43 characters. */
  reset: { secret: 'password-reset', prefix: 'fmr_' },
} as const;

export type TokenPurpose = keyof typeof purposes;

/** Each database's secrets, read once; a failed read is not kept, so the next use asks again. */
const secrets = new WeakMap<Queryable, Map<string, Promise<string>>>();

/** The installation's named secret (made by whichever process asks first), read once per process. */
export function appSecret(db: Queryable, name: string): Promise<string> {
  const ofDb = secrets.get(db) ?? new Map<string, Promise<string>>();
  secrets.set(db, ofDb);
  const cached = ofDb.get(name);
  if (cached) return cached;
  const reading = ensureAppSecret(db, name).catch((err) => {
    ofDb.delete(name);
    throw err;
  });
  ofDb.set(name, reading);
  return reading;
}

/** The token of a link for `purpose`, derived from the row id behind it with that purpose's secret. */
export async function derivedToken(purpose: TokenPurpose, db: Queryable, id: string): Promise<string> {
  const { secret, prefix } = purposes[purpose];
  const mac = createHmac('sha256', await appSecret(db, secret))
    .update(`${purpose}:${id}`)
    .digest('base64url');
  return `${prefix}${mac}`;
}
