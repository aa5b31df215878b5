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
 *
 * A hybrid event's room keeps its own count: someone waiting to come in person
 * is promoted only while the room has a seat, as a registration would be; with
 * the room full they keep their place and the first who joins online after them
 * gets the seat (online is not counted against the room).
 */
export async function fillFreedSeats(tx: Queryable, eventId: string, now: Date): Promise<string[]> {
  const event = await lockEventForRegistration(tx, eventId);
  if (event?.status !== 'published') return [];
  const promoted: string[] = [];
  let taken = event.confirmedCount;
  let roomTaken = event.roomTaken;
  while (event.capacity === null || taken < event.capacity) {
    const roomHasSeat = event.roomCapacity === null || roomTaken < event.roomCapacity;
    const next = await findFirstWaitlisted(tx, eventId, { inPerson: roomHasSeat });
    if (!next) break;
    await setRegistrationStatus(tx, next.id, 'confirmed', now);
    await adjustConfirmedCount(tx, eventId, 1);
    promoted.push(next.id);
    taken += 1;
    if (next.attendance === 'in_person') roomTaken += 1;
  }
  return promoted;
}
