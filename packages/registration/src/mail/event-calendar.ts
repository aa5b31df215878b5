import { describeAsText } from '@folkemote/description';
import type { PublicEventView } from '@folkemote/domain';
import { buildCalendarInvitation } from './ics.ts';

/**
 * The event's own calendar entry, as its page offers it for download: the same generator and the
 * same UID as the e-mail's invitation (so a later invitation updates this entry), but published
 * (no attendee, nothing personal) and pointing at the public event page.
 */
export function renderEventCalendar(
  event: PublicEventView & { revision: number },
  context: { publicAppUrl: string; now: Date },
): string {
  const pageUrl = `${context.publicAppUrl}/arrangement/${encodeURIComponent(event.slug)}`;
  return buildCalendarInvitation({
    method: 'PUBLISH',
    uid: `event-${event.id}@${new URL(context.publicAppUrl).hostname}`,
    sequence: event.revision,
    startsAt: new Date(event.startsAt),
    endsAt: new Date(event.endsAt),
    stampedAt: context.now,
    summary: event.title,
    description: [describeAsText(event.description), pageUrl].filter(Boolean).join('\n\n'),
    location: event.mode !== 'online' && event.address ? event.address : pageUrl,
    url: pageUrl,
    organiser: { name: event.contact.name, email: event.contact.email },
    language: event.language,
  });
}
