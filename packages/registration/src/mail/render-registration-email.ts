import { describeAsText } from '@folkemote/description';
import { type Locale, OSLO_TZ, type PublicEventView, type RegistrationView } from '@folkemote/domain';
import { formatTimeRange } from '@folkemote/domain/dates';
import type { RegistrationEmailKind, ReminderKind } from '@folkemote/queue';
import { buildCalendarInvitation } from './ics.ts';
import { mailTexts } from './mail-texts.ts';

export type EmailOccasion = RegistrationEmailKind | `reminder-${ReminderKind}`;

export interface RenderedEmail {
  subject: string;
  text: string;
  /** Attached as invite.ics with the calendar method, or null when the e-mail carries none. */
  ics: string | null;
  icsMethod: 'REQUEST' | 'CANCEL' | null;
}

export interface EmailContext {
  occasion: EmailOccasion;
  event: PublicEventView & { revision: number };
  registration: Pick<RegistrationView, 'name' | 'email' | 'status'>;
  personalLink: string;
  appHost: string;
  message?: { subject: string; body: string };
  now: Date;
}

/** `tysdag 14. oktober 2025, 10:00–11:30 (Europe/Oslo)`: the words carried, not taken from the runtime. */
export function formatOsloTime(startsAt: string, endsAt: string, locale: Locale): string {
  return `${formatTimeRange(startsAt, endsAt, locale)} (${OSLO_TZ})`;
}

/** Plain-text e-mail (no HTML: nothing a registrant typed can turn into markup) plus the calendar file. */
export function renderRegistrationEmail(ctx: EmailContext): RenderedEmail {
  const { event, registration } = ctx;
  const t = mailTexts[event.language];
  const title = event.title;
  const seat = registration.status === 'waitlisted' ? 'waitlisted' : 'confirmed';
  const intro: Record<EmailOccasion, [string, string]> = {
    confirmation: [t.subject[seat](title), t.body[seat]],
    promoted: [t.subject.promoted(title), t.body.promoted],
    'reminder-24h': [t.subject.reminder24h(title), t.body.reminder24h],
    'reminder-1h': [t.subject.reminder1h(title), t.body.reminder1h],
    'event-changed': [t.subject.changed(title), t.body.changed],
    'event-cancelled': [t.subject.cancelled(title), t.body.cancelled],
    message: [
      `${ctx.message?.subject ?? ''} (${title})`,
      `${t.body.messageFrom(event.organisation.name)}\n\n${ctx.message?.body ?? ''}`,
    ],
  };
  const [subject, lead] = intro[ctx.occasion];
  const cancelled = ctx.occasion === 'event-cancelled' || event.status === 'cancelled';
  const where =
    event.mode === 'online'
      ? t.online
      : [event.address, event.mode === 'hybrid' ? t.online : null].filter(Boolean).join(' / ');
  const lines = [
    t.greeting(registration.name),
    '',
    lead,
    '',
    title,
    `${t.when}: ${formatOsloTime(event.startsAt, event.endsAt, event.language)}`,
    `${t.where}: ${where}`,
    ...(event.recorded ? [t.recorded] : []),
    `${t.contact}: ${event.contact.name} <${event.contact.email}>${event.contact.phone ? `, ${event.contact.phone}` : ''}`,
    '',
    ...(cancelled
      ? []
      : [t.personalLink, ctx.personalLink, '', t.cancelHint, `${ctx.personalLink}#cancel`, '']),
  ];
  // A waiting registrant has no seat yet, so no calendar entry; a promotion or update brings one.
  const withInvitation =
    registration.status === 'confirmed' &&
    ['confirmation', 'promoted', 'event-changed', 'event-cancelled'].includes(ctx.occasion);
  const method = cancelled ? 'CANCEL' : 'REQUEST';
  if (withInvitation) lines.push(t.invitationAttached, '');
  lines.push('—', t.footer);
  const ics = withInvitation
    ? buildCalendarInvitation({
        method,
        uid: `event-${event.id}@${ctx.appHost}`,
        sequence: event.revision,
        startsAt: new Date(event.startsAt),
        endsAt: new Date(event.endsAt),
        stampedAt: ctx.now,
        summary: title,
        description: `${describeAsText(event.description)}\n\n${t.personalLink} ${ctx.personalLink}`,
        location: event.mode === 'online' ? ctx.personalLink : (event.address ?? ctx.personalLink),
        url: ctx.personalLink,
        organiser: { name: event.contact.name, email: event.contact.email },
        attendee: { name: registration.name, email: registration.email },
        language: event.language === 'en' ? 'en' : event.language === 'nn' ? 'nn' : 'nb',
      })
    : null;
  return {
    subject: subject.replace(/[\r\n]+/g, ' '),
    text: lines.join('\n'),
    ics,
    icsMethod: ics ? method : null,
  };
}
