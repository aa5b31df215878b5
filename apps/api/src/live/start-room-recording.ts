import {
  attachEgressId,
  deleteEgressReservation,
  findBroadcastToStart,
  findLiveRoom,
  markBroadcastLive,
  reserveEgress,
} from '@folkemote/db';
import { applyEgressInfo } from '@folkemote/pipeline';
import { type LiveContext, type LiveFailure, liveFailure, liveKitUnavailable } from './live-context.ts';
import { liveKitRoomOptions, recordingRequestFor } from './room-options.ts';

/**
 * Starts the room's recording (a speaker-layout composite, MP4 to the raw bucket). The
 * database reserves the room's one active recording before LiveKit is asked, so a second
 * start, however close, is refused. For a broadcast event whose broadcast has not been on yet,
 * this is going live: the same egress also streams the room as HLS to the public site.
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
  const broadcastId = await broadcastToStart(ctx, eventId);
  let info: Awaited<ReturnType<typeof ctx.livekit.startRoomRecording>>;
  try {
    await ctx.livekit.createRoom(room.roomName, liveKitRoomOptions);
    info = await ctx.livekit.startRoomRecording(
      room.roomName,
      recordingRequestFor(config, eventId, broadcastId ?? undefined),
    );
  } catch (err) {
    await deleteEgressReservation(db, reservation.id);
    log.warn({ err, eventId }, 'recording could not be started');
    return liveKitUnavailable();
  }
  await attachEgressId(db, reservation, info.egressId);
  if (broadcastId && (await markBroadcastLive(db, eventId, info.egressId))) {
    log.info({ eventId, broadcastId, egressId: info.egressId }, 'broadcast live');
    await ctx.deps.queues.enqueue('broadcast.refresh', { eventId });
  }
  await applyEgressInfo(ctx.deps, info);
  log.info({ eventId, egressId: info.egressId }, 'room recording started');
  await ctx.changes.announce(eventId);
  return { ok: true };
}

/** The broadcast this recording starts: the event's, while it has not been live yet; else null. */
async function broadcastToStart(ctx: LiveContext, eventId: string): Promise<string | null> {
  return (await findBroadcastToStart(ctx.deps.db, eventId))?.id ?? null;
}
