import { findEventWithRegistrationById, listActiveRegistrationIds } from '@folkemote/db';
import type { RegistrationDeps } from './registration-deps.ts';
import { removeReminders, scheduleReminders } from './schedule-reminders.ts';

/**
 * Puts every confirmed registrant's reminders at the event's current start time
 * (call it after the start time changes); a cancelled event keeps none.
 */
export async function rescheduleReminders(
  deps: Pick<RegistrationDeps, 'db' | 'queues'>,
  eventId: string,
  now = new Date(),
): Promise<void> {
  const event = await findEventWithRegistrationById(deps.db, eventId, now);
  if (!event) return;
  const confirmed = await listActiveRegistrationIds(deps.db, eventId, ['confirmed']);
  const waiting = await listActiveRegistrationIds(deps.db, eventId, ['waitlisted']);
  for (const id of waiting) await removeReminders(deps, id);
  for (const id of confirmed) {
    if (event.status === 'published') await scheduleReminders(deps, id, new Date(event.startsAt), now);
    else await removeReminders(deps, id);
  }
}
