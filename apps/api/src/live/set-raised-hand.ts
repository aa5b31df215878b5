import { findLiveRoom, findRoomParticipant, setRoomHand, upsertRoomParticipant } from '@folkemote/db';
import { type EventActor, registrationIdOf } from '../participants/index.ts';
import { type LiveContext, type LiveFailure, liveFailure } from './live-context.ts';
import { mirrorToLiveKit } from './mirror-to-livekit.ts';

/** An attendee raises or lowers their hand; the hosts' view lists raised hands in order. */
export async function setRaisedHand(
  ctx: LiveContext,
  eventId: string,
  actor: EventActor,
  raised: boolean,
): Promise<{ ok: true } | LiveFailure> {
  const { db, log } = ctx.deps;
  const room = await findLiveRoom(db, eventId);
  if (room?.status !== 'live')
    return liveFailure(409, 'room_not_live', 'Hands can be raised while the webinar is live');
  const existing = await findRoomParticipant(db, eventId, actor.identity);
  if (existing?.removedAt)
    return liveFailure(403, 'removed_from_room', 'You have been removed from this webinar');
  if (!existing)
    await upsertRoomParticipant(db, {
      eventId,
      identity: actor.identity,
      displayName: actor.displayName,
      role: actor.role,
      registrationId: registrationIdOf(actor),
    });
  if (raised && existing?.onStage) return { ok: true };
  await setRoomHand(db, eventId, actor.identity, raised);
  // The attribute is for the other clients' display only: a failure here loses nothing we rely on.
  await mirrorToLiveKit(() =>
    ctx.livekit.setAttributes(room.roomName, actor.identity, { handRaised: raised ? 'true' : '' }),
  ).catch((err) => log.warn({ err, eventId }, 'raised hand could not be mirrored to LiveKit'));
  await ctx.changes.announce(eventId);
  return { ok: true };
}
