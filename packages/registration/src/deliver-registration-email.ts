import {
  type Database,
  findEventMessage,
  findEventWithRegistrationById,
  findPersonalLinkIds,
  findRegistrationById,
  insertOutboundEmail,
  markOutboundEmail,
} from '@folkemote/db';
import { joinTokenFor } from './join-token.ts';
import type { MailSender } from './mail/mail-sender.ts';
import { type EmailOccasion, renderRegistrationEmail } from './mail/render-registration-email.ts';
import { redactedPersonalLink, withPersonalLink } from './personal-link-in-mail.ts';
import { reminderLeadMs } from './schedule-reminders.ts';

export interface DeliveryDeps {
  db: Database;
  mail: MailSender;
  publicAppUrl: string;
}

export type DeliveryOutcome = 'sent' | 'stored' | 'skipped';

/**
 * Renders one e-mail for one registration from what the database says now,
 * keeps it in the outbox and sends it. Returns quietly ("skipped") when the
 * registration is gone or the occasion has passed: a reminder for a cancelled
 * registration, or one whose event has since moved.
 *
 * The outbox keeps the message with its personal link redacted; the link is
 * derived and put in only as the message goes out over SMTP, so no usable
 * link is ever at rest (see `restorePersonalLinks` for the outbox without SMTP).
 */
export async function deliverRegistrationEmail(
  deps: DeliveryDeps,
  job: { registrationId: string; occasion: EmailOccasion; messageId?: string; jobKey: string },
  now = new Date(),
): Promise<DeliveryOutcome> {
  const registration = await findRegistrationById(deps.db, job.registrationId);
  if (!registration) return 'skipped';
  const event = await findEventWithRegistrationById(deps.db, registration.eventId, now);
  if (!event) return 'skipped';
  if (job.occasion.startsWith('reminder-')) {
    if (registration.status !== 'confirmed' || event.status !== 'published') return 'skipped';
    const lead = reminderLeadMs[job.occasion === 'reminder-24h' ? '24h' : '1h'];
    const due = new Date(event.startsAt).getTime() - lead;
    // A reminder left from before a change of start time: its replacement is queued.
    if (now.getTime() < due - 15 * 60_000) return 'skipped';
    if (now.getTime() >= new Date(event.startsAt).getTime()) return 'skipped';
  } else if (registration.status === 'cancelled') {
    return 'skipped';
  }
  const message = job.messageId ? await findEventMessage(deps.db, job.messageId) : null;
  if (job.occasion === 'message' && !message) return 'skipped';
  const rendered = renderRegistrationEmail({
    occasion: job.occasion,
    event,
    registration,
    personalLink: redactedPersonalLink(deps.publicAppUrl),
    appHost: new URL(deps.publicAppUrl).hostname,
    message: message ?? undefined,
    now,
  });
  const email = await insertOutboundEmail(deps.db, {
    eventId: event.id,
    registrationId: registration.id,
    kind: job.occasion,
    dedupeKey: `${job.jobKey}-${registration.id}`,
    to: registration.email,
    subject: rendered.subject,
    text: rendered.text,
    ics: rendered.ics,
  });
  if (email.status === 'sent' || email.status === 'stored') return email.status;
  if (deps.mail.kind === 'outbox') {
    await markOutboundEmail(deps.db, email.id, 'stored');
    return 'stored';
  }
  const linkId = (await findPersonalLinkIds(deps.db, [registration.id])).get(registration.id);
  if (!linkId) return 'skipped';
  const outgoing = withPersonalLink(email, await joinTokenFor(deps.db, linkId));
  try {
    await deps.mail.send({
      to: email.to,
      subject: email.subject,
      text: outgoing.text,
      ics: outgoing.ics,
      icsMethod: rendered.icsMethod,
    });
  } catch (err) {
    await markOutboundEmail(deps.db, email.id, 'failed', (err as Error).message.slice(0, 500));
    throw err;
  }
  await markOutboundEmail(deps.db, email.id, 'sent');
  return 'sent';
}
