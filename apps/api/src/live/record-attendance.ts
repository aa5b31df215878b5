import {
  closeOpenAttendance,
  findLiveRoomByName,
  recordAttendanceJoin,
  recordAttendanceLeave,
} from '@folkemote/db';
import type { WebhookEvent } from '@folkemote/livekit';
import { z } from 'zod';
import { holderOfIdentity } from '../participants/event-actor.ts';
import type { LiveContext } from './live-context.ts';

/** When LiveKit says the event happened (seconds since the epoch), or now when it says nothing. */
export function webhookMoment(event: Pick<WebhookEvent, 'createdAt'>, now = new Date()): string {
  const seconds = Number(event.createdAt ?? 0n);
  return seconds > 0 ? new Date(seconds * 1000).toISOString() : now.toISOString();
}

/** When the participant joined, by LiveKit's clock; null when the webhook does not say. */
function joinedMoment(event: WebhookEvent): string | null {
  const ms = Number(event.participant?.joinedAtMs ?? 0n);
  if (ms > 0) return new Date(ms).toISOString();
  const seconds = Number(event.participant?.joinedAt ?? 0n);
  return seconds > 0 ? new Date(seconds * 1000).toISOString() : null;
}

/**
 * Keeps each registrant's stays in the live room from LiveKit's participant webhooks: joined
 * opens a stay (a rejoin a new one), left closes it (both name the stay by LiveKit's joining time,
 * so their order does not matter), and the room finishing closes whatever is still open. Staff
 * and organisers are not registrants and leave no trace here.
 */
export async function recordAttendance(ctx: LiveContext, event: WebhookEvent): Promise<void> {
  const roomName = event.room?.name;
  if (!roomName) return;
  const kind = event.event;
  if (kind !== 'participant_joined' && kind !== 'participant_left' && kind !== 'room_finished') return;
  const { db } = ctx.deps;
  const room = await findLiveRoomByName(db, roomName);
  if (!room) return;
  if (kind === 'room_finished') {
    await closeOpenAttendance(db, room.eventId, webhookMoment(event));
    return;
  }
  const holder = event.participant ? holderOfIdentity(event.participant.identity) : null;
  if (holder?.kind !== 'registration' || !z.uuid().safeParse(holder.id).success) return;
  const stay = { eventId: room.eventId, registrationId: holder.id };
  const joinedAt = joinedMoment(event);
  if (kind === 'participant_joined')
    await recordAttendanceJoin(db, { ...stay, at: joinedAt ?? webhookMoment(event), webhookId: event.id });
  else await recordAttendanceLeave(db, { ...stay, at: webhookMoment(event), joinedAt, webhookId: event.id });
}
