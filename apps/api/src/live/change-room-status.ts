import {
  closeOpenAttendance,
  findActiveEgress,
  findEventStatus,
  findLiveRoom,
  openLiveRoom,
  transitionLiveRoom,
} from '@folkemote/db';
import { decideRoomAction, type RoomAction } from '@folkemote/domain';
import { roomNameForEvent } from '@folkemote/livekit';
import { endBroadcast } from '@folkemote/pipeline';
import { clearHighlight } from './clear-highlight.ts';
import { type LiveContext, type LiveFailure, liveFailure, liveKitUnavailable } from './live-context.ts';
import { liveKitRoomOptions } from './room-options.ts';
import { stopEgress } from './stop-egress.ts';

/**
 * Opens the backstage (the LiveKit room is created), goes live, or ends the webinar (the
 * recording is stopped and the LiveKit room closed for everyone). Asking for the state the
 * room is in already changes nothing.
 */
export async function changeRoomStatus(
  ctx: LiveContext,
  eventId: string,
  action: RoomAction,
): Promise<{ ok: true } | LiveFailure> {
  const { db, log } = ctx.deps;
  const roomName = roomNameForEvent(eventId);
  const room = await findLiveRoom(db, eventId);
  // A cancelled webinar can still be ended, but not opened or started.
  if (action !== 'end' && (await findEventStatus(db, eventId)) === 'cancelled')
    return liveFailure(409, 'event_cancelled', 'This event has been cancelled');
  const decision = decideRoomAction(room?.status ?? 'not_open', action);
  if (!decision.ok) return liveFailure(409, decision.code, decision.message);
  if (!decision.change) return { ok: true };

  if (action === 'end') {
    const ended = await transitionLiveRoom(db, eventId, decision.change.from, 'ended');
    if (ended) {
      // Stays still open end with the room, whether or not LiveKit's leavings arrive.
      await closeOpenAttendance(db, eventId, ended.endedAt ?? new Date().toISOString());
      await closeLiveKitRoom(ctx, eventId, roomName);
      // The broadcast ends with the webinar, even where LiveKit did not answer the stop.
      // Stopping the egress may have ended it already; either way, its viewers are shown no question.
      await endBroadcast(ctx.deps, eventId);
      await clearHighlight(ctx, eventId);
    }
  } else {
    try {
      // Also brings back a room LiveKit closed while it stood empty.
      await ctx.livekit.createRoom(roomName, liveKitRoomOptions);
    } catch (err) {
      log.warn({ err, eventId }, 'LiveKit room could not be created');
      return liveKitUnavailable();
    }
    if (action === 'open') await openLiveRoom(db, { eventId, roomName });
    else await transitionLiveRoom(db, eventId, decision.change.from, decision.change.to);
  }
  await ctx.changes.announce(eventId);
  return { ok: true };
}

/** Our state says ended whatever LiveKit answers; what fails here the reconciler tidies up. */
async function closeLiveKitRoom(ctx: LiveContext, eventId: string, roomName: string): Promise<void> {
  const { db, log, queues } = ctx.deps;
  const egress = await findActiveEgress(db, eventId);
  if (egress?.egressId) {
    await stopEgress(ctx, egress.egressId).catch((err) =>
      log.warn({ err, eventId }, 'recording could not be stopped when the room ended'),
    );
  }
  try {
    await ctx.livekit.deleteRoom(roomName);
  } catch (err) {
    log.warn({ err, eventId }, 'LiveKit room could not be closed');
  }
  await queues.enqueue('livekit.reconcile', { eventId });
}
