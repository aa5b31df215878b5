import { findLiveRoom, listOpenRoomsOfIdentity, type Queryable } from '@folkemote/db';
import type { LiveKitControl } from '@folkemote/livekit';
import type { Logger } from '@folkemote/logger';
import type { AccessWithdrawal } from '@folkemote/queue';
import { identityFor } from '../participants/event-actor.ts';
import { mirrorToLiveKit } from './mirror-to-livekit.ts';

interface Connection {
  roomName: string;
  identity: string;
}

/** RemoveParticipant calls under way at once when a whole room empties (a cancelled event). */
const PARALLEL_REMOVALS = 8;

/**
 * A right was withdrawn: whoever is connected to LiveKit on it is removed from the room, so a
 * revoked presenter stops publishing and a cancelled attendee stops watching. Called once, by
 * the instance that announces the withdrawal; a reconnection with the old token is refused when
 * its participant_joined webhook arrives (admitJoinedParticipant). A failure is logged: our
 * database has withdrawn the right already.
 */
export async function removeWithdrawnParticipants(
  deps: { db: Queryable; livekit: LiveKitControl; log: Logger },
  withdrawal: AccessWithdrawal,
): Promise<void> {
  let connections: Connection[];
  try {
    connections = await connectionsOf(deps, withdrawal);
  } catch (err) {
    deps.log.warn({ err }, 'withdrawn participants could not be looked up in LiveKit');
    return;
  }
  for (let i = 0; i < connections.length; i += PARALLEL_REMOVALS) {
    await Promise.all(
      connections
        .slice(i, i + PARALLEL_REMOVALS)
        .map(({ roomName, identity }) =>
          mirrorToLiveKit(() => deps.livekit.removeParticipant(roomName, identity)).catch((err) =>
            deps.log.warn({ err, roomName }, 'withdrawn participant could not be removed from LiveKit'),
          ),
        ),
    );
  }
}

/** Who in LiveKit stands on the withdrawn right. */
async function connectionsOf(
  deps: { db: Queryable; livekit: LiveKitControl },
  withdrawal: AccessWithdrawal,
): Promise<Connection[]> {
  switch (withdrawal.scope) {
    case 'grant': {
      // A session ends, but the organiser's right does not; the other kinds name an identity.
      if (withdrawal.kind === 'organiser_session') return [];
      const kind = withdrawal.kind === 'api_token' ? 'organiser' : withdrawal.kind;
      const identity = identityFor(kind, withdrawal.id);
      // A registrant's room row goes with their data, so the event they registered for names the room.
      const rooms = withdrawal.eventId
        ? await openRoomsOf(deps.db, withdrawal.eventId)
        : await listOpenRoomsOfIdentity(deps.db, identity);
      return rooms.map(({ roomName }) => ({ roomName, identity }));
    }
    case 'event':
      return connectedIn(deps, withdrawal.eventId);
    case 'registrations':
      // Announced by the worker's retention run, which removes the registrants itself.
      return [];
    case 'room_participant':
      // removeRoomParticipant has asked LiveKit already, before it announced the removal.
      return [];
  }
}

/** The event's room, while it is not ended. */
async function openRoomsOf(db: Queryable, eventId: string): Promise<Array<{ roomName: string }>> {
  const room = await findLiveRoom(db, eventId);
  return room && room.status !== 'ended' ? [{ roomName: room.roomName }] : [];
}

/** Everyone connected to the event's room (the egress recorder aside). */
async function connectedIn(
  deps: { db: Queryable; livekit: LiveKitControl },
  eventId: string,
): Promise<Connection[]> {
  const room = await findLiveRoom(deps.db, eventId);
  if (!room || room.status === 'ended') return [];
  const participants = await deps.livekit.listParticipants(room.roomName);
  return participants.map((p) => ({ roomName: room.roomName, identity: p.identity }));
}
