import { findEventStatus, findRoomParticipant, type Queryable } from '@folkemote/db';
import type { EventActor } from '../participants/event-actor.ts';

export interface StreamRefusal {
  status: 403;
  code: 'event_cancelled' | 'removed_from_room';
  message: string;
}

/**
 * Why an actor the link or session lets in still gets no event stream: the event
 * is cancelled, or (room streams) a host or moderator removed them from the room,
 * which keeps them out as it keeps them from joining (hosts excepted). A 403, so
 * a client stops reconnecting, as it does for a revoked link.
 */
export async function streamRefusal(
  db: Queryable,
  eventId: string,
  actor: EventActor,
  stream: 'questions' | 'room',
): Promise<StreamRefusal | null> {
  if ((await findEventStatus(db, eventId)) === 'cancelled')
    return { status: 403, code: 'event_cancelled', message: 'This event has been cancelled' };
  if (stream === 'room' && isRemovable(actor)) {
    const participant = await findRoomParticipant(db, eventId, actor.identity);
    if (participant?.removedAt)
      return { status: 403, code: 'removed_from_room', message: 'You have been removed from this webinar' };
  }
  return null;
}

/** Whether removing someone from the room keeps them out of it (see joinRoom): everyone but hosts. */
export function isRemovable(actor: Pick<EventActor, 'role'>): boolean {
  return actor.role !== 'host';
}
