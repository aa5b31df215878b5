import { deleteRegistrationsKeepingCounts, findRegistrationById } from '@folkemote/db';
import { cancelRegistration } from './cancel-registration.ts';
import type { RegistrationDeps } from './registration-deps.ts';
import { removeReminders } from './schedule-reminders.ts';

/**
 * A registrant's own deletion: the registration is cancelled (its seat goes to
 * the waiting list), then the row and its e-mails are deleted. The event's
 * counts keep it as one cancelled registration.
 */
export async function deleteRegistrantData(
  deps: RegistrationDeps,
  registrationId: string,
  now = new Date(),
): Promise<void> {
  const registration = await findRegistrationById(deps.db, registrationId);
  if (!registration) return;
  await cancelRegistration(deps, registrationId, now);
  await removeReminders(deps, registrationId);
  await deps.db.transaction((tx) =>
    deleteRegistrationsKeepingCounts(tx, registration.eventId, [registrationId]),
  );
}
