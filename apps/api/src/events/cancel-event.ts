import { findEventWithRegistrationById, markEventCancelled, type Queryable } from '@folkemote/db';
import type { OrganiserEvent } from '@folkemote/domain';
import type { EventNotifier } from './event-notifier.ts';
import { loadOrganiserEvent } from './organiser-event-view.ts';

export type CancelEventResult = { ok: true; event: OrganiserEvent } | { ok: false; reason: 'not_found' };

/**
 * Cancels the event. A published one tells its registrants and drops their
 * reminders; a draft had no registrants. Cancelling twice changes nothing.
 */
export async function cancelEvent(
  deps: { db: Queryable; notifier: EventNotifier },
  eventId: string,
): Promise<CancelEventResult> {
  const event = await findEventWithRegistrationById(deps.db, eventId);
  if (!event) return { ok: false, reason: 'not_found' };
  if (event.status === 'published') await deps.notifier.cancelled(eventId);
  else if (event.status === 'draft') await markEventCancelled(deps.db, eventId);
  return { ok: true, event: (await loadOrganiserEvent(deps.db, eventId))! };
}
