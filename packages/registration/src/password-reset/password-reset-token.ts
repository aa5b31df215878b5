import type { Queryable } from '@folkemote/db';
import type { Locale } from '@folkemote/domain';
import { derivedToken } from '../derived-token.ts';

/**
 * The token of a reset link, derived from its id (`password_resets.id`) with the installation's
 * secret, as a staff link's is: the e-mail job puts the link in as the message leaves, while the
 * database keeps only its hash and the job's payload only the message's id. `fmr_` and 43
 * base64url characters.
 */
export function passwordResetTokenFor(db: Queryable, resetId: string): Promise<string> {
  return derivedToken('reset', db, resetId);
}

/** Where the token stands in a reset message at rest: the page's address, no token. */
export const redactedResetToken = '[lenke-til-nytt-passord]';

/**
 * The page that sets a new password, in the language it was asked for in; the token rides in the
 * fragment, which no server or log sees.
 */
export function passwordResetUrl(publicAppUrl: string, token: string, language: Locale = 'nb'): string {
  const query = language === 'nb' ? '' : `?lang=${language}`;
  return `${publicAppUrl}/organiser/nytt-passord${query}#${token}`;
}
