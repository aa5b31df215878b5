import { findPersonalLinkIds, type Queryable } from '@folkemote/db';
import { joinTokenFor, personalLinkUrl } from './join-token.ts';
import { foldLine } from './mail/ics.ts';

/**
 * Where the token stands in an e-mail kept in the outbox. The message is
 * stored with its personal link redacted, and the real link is put in only on
 * its way out (`withPersonalLink`): nothing at rest opens a registration.
 */
const redactedToken = '[personlig-lenke]';

/** The personal link as it stands in an e-mail at rest: the app's address, no token. */
export function redactedPersonalLink(publicAppUrl: string): string {
  return personalLinkUrl(publicAppUrl, redactedToken);
}

export interface MailBody {
  text: string;
  ics: string | null;
}

/**
 * The message with the registrant's link in place of the redacted one, in the
 * text and in the calendar file.
 */
export function withPersonalLink<T extends MailBody>(message: T, token: string): T {
  return withLinkInMail(message, `/p/${redactedToken}`, `/p/${token}`);
}

/**
 * The message with `real` wherever its redacted link stood (`redacted`), in the text and in the
 * calendar file: every link kept redacted at rest (personal, staff, password reset) is put in so.
 * The calendar's lines are unfolded first and folded again after, since the link may have been
 * folded across two of them.
 */
export function withLinkInMail<T extends MailBody>(message: T, redacted: string, real: string): T {
  const put = (value: string) => value.replaceAll(redacted, real);
  const ics =
    message.ics === null
      ? null
      : put(message.ics.replace(/\r\n[ \t]/g, ''))
          .split('\r\n')
          .map(foldLine)
          .join('\r\n');
  return { ...message, text: put(message.text), ics };
}

/**
 * E-mails kept in the outbox with their registrants' current links put back,
 * for a developer following a registration through without SMTP. The links are
 * derived when asked for, from what the registrations hold now; an e-mail whose
 * registration is gone keeps its redacted link.
 */
export async function restorePersonalLinks<T extends MailBody & { registrationId: string | null }>(
  db: Queryable,
  emails: T[],
): Promise<T[]> {
  const linkIds = await findPersonalLinkIds(
    db,
    emails.flatMap((m) => (m.registrationId ? [m.registrationId] : [])),
  );
  return Promise.all(
    emails.map(async (m) => {
      const linkId = m.registrationId ? linkIds.get(m.registrationId) : undefined;
      return linkId ? withPersonalLink(m, await joinTokenFor(db, linkId)) : m;
    }),
  );
}
