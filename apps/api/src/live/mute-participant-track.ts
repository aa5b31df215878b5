import { findLiveRoom } from '@folkemote/db';
import { isLiveKitError } from '@folkemote/livekit';
import { type LiveContext, type LiveFailure, liveFailure, liveKitUnavailable } from './live-context.ts';

/** Mutes one published track (a microphone left on); the participant can unmute it again. */
export async function muteParticipantTrack(
  ctx: LiveContext,
  eventId: string,
  input: { identity: string; trackSid: string },
): Promise<{ ok: true } | LiveFailure> {
  const room = await findLiveRoom(ctx.deps.db, eventId);
  if (!room || room.status === 'ended')
    return liveFailure(409, room ? 'room_ended' : 'room_not_open', 'The room is not open');
  try {
    await ctx.livekit.muteTrack(room.roomName, input.identity, input.trackSid, true);
  } catch (err) {
    if (isLiveKitError(err, 'not_found'))
      return liveFailure(404, 'track_not_found', 'That person is not connected, or has no such track');
    ctx.deps.log.warn({ err, eventId }, 'track could not be muted');
    return liveKitUnavailable();
  }
  return { ok: true };
}
