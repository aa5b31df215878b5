import { findEventStatus, findLiveRoom, findRoomParticipant, upsertRoomParticipant } from '@folkemote/db';
import { joinRefusal, type RoomJoin } from '@folkemote/domain';
import { createParticipantToken, roomNameForEvent } from '@folkemote/livekit';
import { type EventActor, registrationIdOf } from '../participants/index.ts';
import { isRemovable } from '../realtime/stream-refusal.ts';
import { type LiveContext, type LiveFailure, liveFailure } from './live-context.ts';
import { mediaServerOf } from './room-view.ts';

/**
 * A short-lived LiveKit access token for the actor, in the role their link gives them and
 * nothing else. Attendees get one while the room is live; staff from the backstage on.
 */
export async function joinRoom(
  ctx: LiveContext,
  eventId: string,
  actor: EventActor,
): Promise<({ ok: true } & RoomJoin) | LiveFailure> {
  const { db, config } = ctx.deps;
  if ((await findEventStatus(db, eventId)) === 'cancelled')
    return liveFailure(409, 'event_cancelled', 'This event has been cancelled');
  const room = await findLiveRoom(db, eventId);
  const refusal = joinRefusal(room?.status ?? 'not_open', actor.role);
  if (refusal) return liveFailure(409, refusal.code, refusal.message);
  const existing = await findRoomParticipant(db, eventId, actor.identity);
  if (existing?.removedAt && isRemovable(actor))
    return liveFailure(403, 'removed_from_room', 'You have been removed from this webinar');
  const participant = await upsertRoomParticipant(db, {
    eventId,
    identity: actor.identity,
    displayName: actor.displayName,
    role: actor.role,
    registrationId: registrationIdOf(actor),
  });
  const token = await createParticipantToken(config.livekit, {
    room: room?.roomName ?? roomNameForEvent(eventId),
    identity: actor.identity,
    name: actor.displayName,
    role: actor.role,
    ttlSeconds: config.livekit.tokenTtlSeconds,
    ...(participant.handRaisedAt ? { attributes: { handRaised: 'true' } } : {}),
  });
  if (!existing) await ctx.changes.announce(eventId);
  return {
    ok: true,
    serverUrl: config.livekit.publicUrl,
    token,
    role: actor.role,
    identity: actor.identity,
    displayName: actor.displayName,
    mediaServer: mediaServerOf(config),
  };
}
