import type { PublicEventView, StaffRole } from '@folkemote/domain';
import { buildCalendarInvitation } from '../mail/ics.ts';
import { mailTexts } from '../mail/mail-texts.ts';
import { formatOsloTime } from '../mail/render-registration-email.ts';
import { staffInviteTexts } from './staff-invite-texts.ts';

export interface StaffInviteContext {
  event: PublicEventView & { revision: number };
  staff: { displayName: string; role: StaffRole };
  to: string;
  /** The room link as it stands at rest (redacted); the real one is put in as the message leaves. */
  roomLink: string;
  appHost: string;
  now: Date;
}

/** A host's, presenter's or moderator's link by e-mail, plain text, with the event in a calendar file. */
export function renderStaffInvite(ctx: StaffInviteContext) {
  const { event, staff } = ctx;
  const t = staffInviteTexts[event.language];
  const m = mailTexts[event.language];
  const text = [
    t.greeting(staff.displayName),
    '',
    t.lead(t.roles[staff.role], event.organisation.name),
    '',
    event.title,
    `${m.when}: ${formatOsloTime(event.startsAt, event.endsAt, event.language)}`,
    `${m.contact}: ${event.contact.name} <${event.contact.email}>`,
    '',
    t.link,
    ctx.roomLink,
    '',
    t.keep,
    '',
    t.invitationAttached,
  ].join('\n');
  const ics = buildCalendarInvitation({
    method: 'REQUEST',
    uid: `event-${event.id}@${ctx.appHost}`,
    sequence: event.revision,
    startsAt: new Date(event.startsAt),
    endsAt: new Date(event.endsAt),
    stampedAt: ctx.now,
    summary: event.title,
    description: `${t.link} ${ctx.roomLink}`,
    location: ctx.roomLink,
    url: ctx.roomLink,
    organiser: { name: event.contact.name, email: event.contact.email },
    attendee: { name: staff.displayName, email: ctx.to },
    language: event.language,
  });
  return {
    subject: t.subject(event.title).replace(/[\r\n]+/g, ' '),
    text,
    ics,
    icsMethod: 'REQUEST' as const,
  };
}
