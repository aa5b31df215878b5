import { createHmac } from 'node:crypto';
import { ensureAppSecret, type Queryable } from '@folkemote/db';

/**
 * The token of a reset link, derived from its id (`password_resets.id`) with the installation's
 * secret, as a staff link's is: the e-mail job puts the link in as the message leaves, while the
 * database keeps only its hash and the job's payload only the message's id. `fmr_` and 43
 * base64url characters.
 */
export async function passwordResetTokenFor(db: Queryable, resetId: string): Promise<string> {
  const secret = await ensureAppSecret(db, 'password-reset');
  return `fmr_${createHmac('sha256', secret).update(`reset:${resetId}`).digest('base64url')}`;
}

/** Where the token stands in a reset message at rest: the page's address, no token. */
export const redactedResetToken = '[lenke-til-nytt-passord]';

/** The page that sets a new password; the token rides in the fragment, which no server or log sees. */
export function passwordResetUrl(publicAppUrl: string, token: string): string {
  return `${publicAppUrl}/organiser/nytt-passord#${token}`;
}
