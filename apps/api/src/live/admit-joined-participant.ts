import { findLiveRoomByName, findRoomParticipant } from '@folkemote/db';
import { onStageByRole } from '@folkemote/domain';
import { holderOfIdentity } from '../participants/event-actor.ts';
import type { LiveContext } from './live-context.ts';
import { mirrorToLiveKit } from './mirror-to-livekit.ts';
import { holdsRoomRight } from './room-right.ts';

/**
 * Someone (re)connected to the event's LiveKit room. Whoever no longer holds the right the token
 * was issued on is removed at once, so an old token gets nobody back in; everyone else gets what
 * our database says about them (stage, hand), which may have changed while they were away.
 */
export async function admitJoinedParticipant(
  ctx: LiveContext,
  roomName: string,
  identity: string,
): Promise<void> {
  const { db, log } = ctx.deps;
  const room = await findLiveRoomByName(db, roomName);
  if (!room || !holderOfIdentity(identity)) return;
  const participant = await findRoomParticipant(db, room.eventId, identity);
  try {
    if (!participant || !(await holdsRoomRight(db, room, identity, participant))) {
      await mirrorToLiveKit(() => ctx.livekit.removeParticipant(roomName, identity));
      log.info({ eventId: room.eventId }, 'connection without a right to the room removed from LiveKit');
      return;
    }
    // Their token gives the role's permission; the stage may have been changed since.
    if (participant.onStage !== onStageByRole(participant.role))
      await mirrorToLiveKit(() =>
        ctx.livekit.setOnStage(roomName, identity, participant.role, participant.onStage),
      );
    if (participant.handRaisedAt)
      await mirrorToLiveKit(() => ctx.livekit.setAttributes(roomName, identity, { handRaised: 'true' }));
  } catch (err) {
    log.warn({ err, eventId: room.eventId }, 'participant state could not be restored in LiveKit');
  }
}
