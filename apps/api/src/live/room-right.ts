import {
  findWithdrawnStreamGrants,
  isRevokedApiToken,
  type LiveRoomRow,
  type Queryable,
  type RoomParticipantRow,
} from '@folkemote/db';
import { joinRefusal } from '@folkemote/domain';
import { holderOfIdentity } from '../participants/event-actor.ts';
import { isRemovable } from '../realtime/stream-refusal.ts';

/**
 * Whether the holder of a LiveKit identity may still be in the event's room by our records. A
 * LiveKit token outlives the right it was issued on (a revoked link, a cancelled or deleted
 * registration, a cancelled event, a removal, the room's end), so a connection is judged again
 * here. Identities we never issue (the egress recorder's) are not ours to judge.
 */
export async function holdsRoomRight(
  db: Queryable,
  room: LiveRoomRow,
  identity: string,
  participant: RoomParticipantRow | null,
): Promise<boolean> {
  const holder = holderOfIdentity(identity);
  if (!holder) return true;
  // joinRoom writes the participant's row before it issues a token.
  if (!participant) return false;
  if (participant.removedAt && isRemovable(participant)) return false;
  if (joinRefusal(room.status, participant.role)) return false;
  if (holder.kind === 'organiser' && (await isRevokedApiToken(db, holder.id))) return false;
  const withdrawn = await findWithdrawnStreamGrants(db, {
    registrationIds: holder.kind === 'registration' ? [holder.id] : [],
    staffIds: holder.kind === 'staff' ? [holder.id] : [],
    sessionHashes: [],
    apiTokenIds: [],
    eventIds: [room.eventId],
    roomIdentities: [],
  });
  return withdrawn.registrationIds.size + withdrawn.staffIds.size + withdrawn.eventIds.size === 0;
}
