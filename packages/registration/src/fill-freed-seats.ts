import type { Queryable } from '@folkemote/db';
import {
  adjustConfirmedCount,
  findFirstWaitlisted,
  lockEventForRegistration,
  setRegistrationStatus,
} from '@folkemote/db';

/**
 * Gives free seats to the waiting list, first come first served, inside the
 * caller's transaction and under the event lock. Returns who got a seat.
 */
export async function fillFreedSeats(tx: Queryable, eventId: string, now: Date): Promise<string[]> {
  const event = await lockEventForRegistration(tx, eventId);
  if (event?.status !== 'published') return [];
  const promoted: string[] = [];
  let taken = event.confirmedCount;
  while (event.capacity === null || taken < event.capacity) {
    const next = await findFirstWaitlisted(tx, eventId);
    if (!next) break;
    await setRegistrationStatus(tx, next, 'confirmed', now);
    await adjustConfirmedCount(tx, eventId, 1);
    promoted.push(next);
    taken += 1;
  }
  return promoted;
}
