import { attachEgressId, deleteEgressReservation, findLiveRoom, reserveEgress } from '@folkemote/db';
import { applyEgressInfo } from '@folkemote/pipeline';
import { type LiveContext, type LiveFailure, liveFailure, liveKitUnavailable } from './live-context.ts';
import { liveKitRoomOptions, recordingRequestFor } from './room-options.ts';

/**
 * Starts the room's recording (a speaker-layout composite, MP4 to the raw bucket). The
 * database reserves the room's one active recording before LiveKit is asked, so a second
 * start, however close, is refused.
 */
export async function startRoomRecording(
  ctx: LiveContext,
  eventId: string,
): Promise<{ ok: true } | LiveFailure> {
  const { db, log, config } = ctx.deps;
  const room = await findLiveRoom(db, eventId);
  if (!room) return liveFailure(409, 'room_not_open', 'Open the backstage before recording');
  if (room.status === 'ended') return liveFailure(409, 'room_ended', 'The webinar has ended');
  const reservation = await reserveEgress(db, { eventId, roomName: room.roomName });
  if (!reservation) return liveFailure(409, 'recording_active', 'The room is being recorded already');
  let info: Awaited<ReturnType<typeof ctx.livekit.startRoomRecording>>;
  try {
    await ctx.livekit.createRoom(room.roomName, liveKitRoomOptions);
    info = await ctx.livekit.startRoomRecording(room.roomName, recordingRequestFor(config, eventId));
  } catch (err) {
    await deleteEgressReservation(db, reservation.id);
    log.warn({ err, eventId }, 'recording could not be started');
    return liveKitUnavailable();
  }
  await attachEgressId(db, reservation, info.egressId);
  await applyEgressInfo(ctx.deps, info);
  log.info({ eventId, egressId: info.egressId }, 'room recording started');
  await ctx.changes.announce(eventId);
  return { ok: true };
}
