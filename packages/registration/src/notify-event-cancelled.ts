import { findEventWithRegistrationById, listActiveRegistrationIds, markEventCancelled } from '@folkemote/db';
import type { RegistrationDeps } from './registration-deps.ts';
import { removeReminders } from './schedule-reminders.ts';

/**
 * Cancels the event (if the caller has not already) and tells every registrant,
 * with a calendar cancellation; their reminders are dropped.
 */
export async function notifyEventCancelled(
  deps: RegistrationDeps,
  eventId: string,
  now = new Date(),
): Promise<number> {
  const event = await findEventWithRegistrationById(deps.db, eventId, now);
  if (!event) return 0;
  // Cancelling through here or marking it first elsewhere: either way the revision goes up once.
  if (event.status !== 'cancelled') await markEventCancelled(deps.db, eventId, now);
  const ids = await listActiveRegistrationIds(deps.db, eventId);
  for (const registrationId of ids) {
    await removeReminders(deps, registrationId);
    await deps.queues.enqueue('registration.email', { registrationId, kind: 'event-cancelled' });
  }
  return ids.length;
}
