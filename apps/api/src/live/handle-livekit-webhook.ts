import { findLiveRoomByName, findRoomParticipant, recordLiveKitWebhookEvent } from '@folkemote/db';
import { onStageByRole } from '@folkemote/domain';
import type { WebhookEvent } from '@folkemote/livekit';
import { applyEgressInfo } from '@folkemote/worker';
import { isRemovable } from '../realtime/stream-refusal.ts';
import type { LiveContext } from './live-context.ts';
import { mirrorToLiveKit } from './mirror-to-livekit.ts';

/**
 * A verified LiveKit webhook. Egress events update the room's recording (a finished one becomes
 * a recording and enters the pipeline); when someone joins, what our database says about them
 * (on stage, hand raised, removed) is put on their LiveKit participant. Each event id is
 * processed once.
 */
export async function handleLiveKitWebhook(
  ctx: LiveContext,
  event: WebhookEvent,
): Promise<'processed' | 'repeated'> {
  const webhookEvent = { id: event.id, event: event.event };
  if (event.egressInfo && event.event.startsWith('egress_')) {
    const outcome = await applyEgressInfo(ctx.deps, event.egressInfo, { webhookEvent });
    if (outcome.changed && outcome.eventId) await ctx.changes.announce(outcome.eventId);
    return outcome.duplicate ? 'repeated' : 'processed';
  }
  if (!(await recordLiveKitWebhookEvent(ctx.deps.db, event.id, event.event))) return 'repeated';
  if (event.event === 'participant_joined' && event.room?.name && event.participant)
    await restoreParticipantState(ctx, event.room.name, event.participant.identity);
  return 'processed';
}

/** Someone whose stage or hand changed while away gets that state back when they (re)connect. */
async function restoreParticipantState(ctx: LiveContext, roomName: string, identity: string): Promise<void> {
  const { db, log } = ctx.deps;
  const room = await findLiveRoomByName(db, roomName);
  const participant = room ? await findRoomParticipant(db, room.eventId, identity) : null;
  if (!room || !participant) return;
  try {
    if (participant.removedAt && isRemovable(participant)) {
      await mirrorToLiveKit(() => ctx.livekit.removeParticipant(roomName, identity));
      return;
    }
    // Their token gives the role's permission; the stage may have been changed since.
    if (participant.onStage !== onStageByRole(participant.role))
      await mirrorToLiveKit(() => ctx.livekit.setOnStage(roomName, identity, participant.onStage));
    if (participant.handRaisedAt)
      await mirrorToLiveKit(() => ctx.livekit.setAttributes(roomName, identity, { handRaised: 'true' }));
  } catch (err) {
    log.warn({ err, eventId: room.eventId }, 'participant state could not be restored in LiveKit');
  }
}
