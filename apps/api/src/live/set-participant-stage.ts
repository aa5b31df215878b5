import { findLiveRoom, findRoomParticipant, setRoomOnStage } from '@folkemote/db';
import { type LiveContext, type LiveFailure, liveFailure, liveKitUnavailable } from './live-context.ts';
import { mirrorToLiveKit } from './mirror-to-livekit.ts';

/**
 * Brings someone on stage (they may publish camera, microphone and screen, and everyone sees
 * them; their hand goes down) or back to the audience (hidden again, unless their role is on
 * stage anyway). Decided in our database, mirrored to LiveKit's permission.
 */
export async function setParticipantStage(
  ctx: LiveContext,
  eventId: string,
  input: { identity: string; onStage: boolean },
): Promise<{ ok: true } | LiveFailure> {
  const { db, log } = ctx.deps;
  const room = await findLiveRoom(db, eventId);
  if (!room || room.status === 'ended')
    return liveFailure(409, room ? 'room_ended' : 'room_not_open', 'The room is not open');
  const target = await findRoomParticipant(db, eventId, input.identity);
  if (!target || target.removedAt)
    return liveFailure(404, 'participant_not_found', 'Nobody with that identity is in the room');
  try {
    await mirrorToLiveKit(async () => {
      await ctx.livekit.setOnStage(room.roomName, input.identity, target.role, input.onStage);
      if (input.onStage) await ctx.livekit.setAttributes(room.roomName, input.identity, { handRaised: '' });
    });
  } catch (err) {
    log.warn({ err, eventId }, 'stage change could not be sent to LiveKit');
    return liveKitUnavailable();
  }
  await setRoomOnStage(db, eventId, input.identity, input.onStage);
  await ctx.changes.announce(eventId);
  return { ok: true };
}
