import { bumpEventRevision, listActiveRegistrationIds } from '@folkemote/db';
import type { RegistrationDeps } from './registration-deps.ts';
import { rescheduleReminders } from './reschedule-reminders.ts';

/**
 * After an organiser changes a published event: the calendar invitation's
 * SEQUENCE goes up, every registrant gets the change by e-mail with the updated
 * invitation, and reminders follow the new start time.
 */
export async function notifyEventChanged(
  deps: RegistrationDeps,
  eventId: string,
  now = new Date(),
): Promise<number> {
  await bumpEventRevision(deps.db, eventId);
  const ids = await listActiveRegistrationIds(deps.db, eventId);
  for (const registrationId of ids)
    await deps.queues.enqueue('registration.email', { registrationId, kind: 'event-changed' });
  await rescheduleReminders(deps, eventId, now);
  return ids.length;
}
