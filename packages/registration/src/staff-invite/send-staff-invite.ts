import { randomUUID } from 'node:crypto';
import {
  type Database,
  findEventStaffById,
  findEventWithRegistrationById,
  findOutboundEmail,
  insertOutboundEmail,
  markOutboundEmail,
} from '@folkemote/db';
import type { JobQueues } from '@folkemote/queue';
import type { MailSender } from '../mail/mail-sender.ts';
import { withLinkInMail } from '../personal-link-in-mail.ts';
import { renderStaffInvite } from './render-staff-invite.ts';
import { redactedStaffToken, staffRoomUrl, staffTokenFor } from './staff-link-token.ts';

/**
 * Puts a staff link's invitation in the outbox (its link redacted) and hands it to the e-mail job,
 * whose payload carries the message's id only. Returns false when the link or its event is gone.
 */
export async function sendStaffInvite(
  deps: { db: Database; queues: Pick<JobQueues, 'enqueue'>; publicAppUrl: string },
  input: { staffId: string; to: string },
  now = new Date(),
): Promise<boolean> {
  const staff = await findEventStaffById(deps.db, input.staffId);
  if (!staff || staff.revokedAt) return false;
  const event = await findEventWithRegistrationById(deps.db, staff.eventId, now);
  if (!event) return false;
  const rendered = renderStaffInvite({
    event,
    staff,
    to: input.to,
    roomLink: staffRoomUrl(deps.publicAppUrl, event.slug, redactedStaffToken),
    appHost: new URL(deps.publicAppUrl).hostname,
    now,
  });
  const email = await insertOutboundEmail(deps.db, {
    eventId: event.id,
    registrationId: null,
    staffId: staff.id,
    kind: 'staff-invite',
    dedupeKey: `staff-invite-${randomUUID()}`,
    to: input.to,
    subject: rendered.subject,
    text: rendered.text,
    ics: rendered.ics,
  });
  await deps.queues.enqueue('staff.email', { emailId: email.id });
  return true;
}

export type StaffInviteOutcome = 'sent' | 'stored' | 'skipped';

/**
 * The e-mail job's half: sends a staff invitation from the outbox, with the link derived and put in
 * only now. Without SMTP the message stays in the outbox (redacted). A revoked link is not sent.
 */
export async function deliverStaffInvite(
  deps: { db: Database; mail: MailSender },
  emailId: string,
): Promise<StaffInviteOutcome> {
  const email = await findOutboundEmail(deps.db, emailId);
  if (!email?.staffId) return 'skipped';
  if (email.status === 'sent' || email.status === 'stored') return email.status;
  const staff = await findEventStaffById(deps.db, email.staffId);
  if (!staff || staff.revokedAt) return 'skipped';
  if (deps.mail.kind === 'outbox') {
    await markOutboundEmail(deps.db, email.id, 'stored');
    return 'stored';
  }
  const token = await staffTokenFor(deps.db, staff.id);
  const { text, ics } = withLinkInMail(email, `#${redactedStaffToken}`, `#${token}`);
  try {
    await deps.mail.send({
      to: email.to,
      subject: email.subject,
      text,
      ics,
      icsMethod: ics === null ? null : 'REQUEST',
    });
  } catch (err) {
    await markOutboundEmail(deps.db, email.id, 'failed', (err as Error).message.slice(0, 500));
    throw err;
  }
  await markOutboundEmail(deps.db, email.id, 'sent');
  return 'sent';
}
