import type { Queryable } from '@folkemote/db';
import { derivedToken } from '../derived-token.ts';

/**
 * The token of a host's, presenter's or moderator's link, derived from the link's id
 * (`event_staff.id`) with the installation's secret, as a personal link's is from its link id: the
 * e-mail job can put the link in the message as it leaves, while the database keeps only its hash.
 * `fmp_` and 43 base64url characters, as a random staff token.
 */
export function staffTokenFor(db: Queryable, staffId: string): Promise<string> {
  return derivedToken('staff', db, staffId);
}

/** Where the token stands in a staff invitation at rest: the room's address, no token. */
export const redactedStaffToken = '[lenke-til-rommet]';

/** A link holder's way into the room; the token rides in the fragment, which no server or log sees. */
export function staffRoomUrl(publicAppUrl: string, eventSlug: string, token: string): string {
  return `${publicAppUrl}/arrangement/${encodeURIComponent(eventSlug)}/direkte#${token}`;
}
