import { announcePromotions } from './cancel-registration.ts';
import { fillFreedSeats } from './fill-freed-seats.ts';
import type { RegistrationDeps } from './registration-deps.ts';

/**
 * After an organiser raises the capacity (or re-publishes an event): gives the
 * new seats to the waiting list in order and tells those who got one.
 */
export async function promoteWaitlisted(
  deps: RegistrationDeps,
  eventId: string,
  now = new Date(),
): Promise<string[]> {
  const promoted = await deps.db.transaction((tx) => fillFreedSeats(tx, eventId, now));
  await announcePromotions(deps, eventId, promoted, now);
  return promoted;
}
