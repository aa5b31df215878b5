import {
  adjustConfirmedCount,
  findEventWithRegistrationById,
  findRegistrationById,
  lockEventForRegistration,
  setRegistrationStatus,
} from '@folkemote/db';
import type { RegistrationStatus } from '@folkemote/domain';
import { fillFreedSeats } from './fill-freed-seats.ts';
import type { RegistrationDeps } from './registration-deps.ts';
import { removeReminders, scheduleReminders } from './schedule-reminders.ts';

/** Tells the newly seated by e-mail and gives them their reminders. */
export async function announcePromotions(
  deps: RegistrationDeps,
  eventId: string,
  promoted: string[],
  now = new Date(),
): Promise<void> {
  if (promoted.length === 0) return;
  const event = await findEventWithRegistrationById(deps.db, eventId, now);
  for (const registrationId of promoted) {
    await deps.queues.enqueue('registration.email', { registrationId, kind: 'promoted' });
    if (event) await scheduleReminders(deps, registrationId, new Date(event.startsAt), now);
  }
}

/**
 * Cancels a registration. A freed seat goes to the first on the waiting list,
 * who is told by e-mail. Cancelling twice changes nothing.
 */
export async function cancelRegistration(
  deps: RegistrationDeps,
  registrationId: string,
  now = new Date(),
): Promise<{ status: RegistrationStatus; promotedId: string | null }> {
  const registration = await findRegistrationById(deps.db, registrationId);
  if (!registration) throw new Error('No registration with that id');
  const promoted = await deps.db.transaction(async (tx) => {
    const event = await lockEventForRegistration(tx, registration.eventId);
    const current = await findRegistrationById(tx, registrationId);
    if (!event || !current || current.status === 'cancelled') return [];
    await setRegistrationStatus(tx, registrationId, 'cancelled', now);
    if (current.status !== 'confirmed') return [];
    await adjustConfirmedCount(tx, registration.eventId, -1);
    return fillFreedSeats(tx, registration.eventId, now);
  });
  await removeReminders(deps, registrationId);
  await announcePromotions(deps, registration.eventId, promoted, now);
  return { status: 'cancelled', promotedId: promoted[0] ?? null };
}
