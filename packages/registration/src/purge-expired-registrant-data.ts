import {
  deleteRegistrationsKeepingCounts,
  listActiveRegistrationIds,
  listEventsDueForRetention,
  markRegistrantDataDeleted,
} from '@folkemote/db';
import type { RegistrationDeps } from './registration-deps.ts';
import { removeReminders } from './schedule-reminders.ts';

/**
 * Deletes the registrant data of every event whose retention period has ended
 * at `now` (end of the event + its retention days). The counts stay.
 */
export async function purgeExpiredRegistrantData(
  deps: Pick<RegistrationDeps, 'db' | 'queues'>,
  now = new Date(),
): Promise<{ events: number; registrations: number }> {
  const eventIds = await listEventsDueForRetention(deps.db, now);
  let registrations = 0;
  for (const eventId of eventIds) {
    const ids = await listActiveRegistrationIds(deps.db, eventId, ['confirmed', 'waitlisted', 'cancelled']);
    for (const id of ids) await removeReminders(deps, id);
    registrations += await deps.db.transaction(async (tx) => {
      const n = await deleteRegistrationsKeepingCounts(tx, eventId, 'all');
      await markRegistrantDataDeleted(tx, eventId, now);
      return n;
    });
  }
  return { events: eventIds.length, registrations };
}
