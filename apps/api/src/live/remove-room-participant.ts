import { findLiveRoom, findRoomParticipant, markRoomParticipantRemoved } from '@folkemote/db';
import type { EventActor } from '../participants/index.ts';
import { isRemovable } from '../realtime/stream-refusal.ts';
import { type LiveContext, type LiveFailure, liveFailure, liveKitUnavailable } from './live-context.ts';
import { mirrorToLiveKit } from './mirror-to-livekit.ts';

/** Removes someone from the room; they get no new access token or room stream for this event (hosts excepted). */
export async function removeRoomParticipant(
  ctx: LiveContext,
  eventId: string,
  actor: EventActor,
  identity: string,
): Promise<{ ok: true } | LiveFailure> {
  const { db, log } = ctx.deps;
  if (identity === actor.identity)
    return liveFailure(409, 'cannot_remove_yourself', 'Leave the room instead of removing yourself');
  const room = await findLiveRoom(db, eventId);
  const target = await findRoomParticipant(db, eventId, identity);
  if (!room || !target)
    return liveFailure(404, 'participant_not_found', 'Nobody with that identity is in the room');
  // Whoever runs the webinar can only be removed by another host.
  if (target.role === 'host' && actor.role !== 'host')
    return liveFailure(403, 'cannot_remove_host', 'Only a host can remove a host');
  try {
    await mirrorToLiveKit(() => ctx.livekit.removeParticipant(room.roomName, identity));
  } catch (err) {
    log.warn({ err, eventId }, 'participant could not be removed in LiveKit');
    return liveKitUnavailable();
  }
  await markRoomParticipantRemoved(db, eventId, identity);
  log.info({ eventId }, 'participant removed from the room');
  // Their room streams end on every instance, and reconnecting is refused as joining is (hosts may come back).
  if (isRemovable(target)) await ctx.access.withdraw({ scope: 'room_participant', eventId, identity });
  await ctx.changes.announce(eventId);
  return { ok: true };
}
