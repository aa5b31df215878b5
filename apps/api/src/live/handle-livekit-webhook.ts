import { recordLiveKitWebhookEvent } from '@folkemote/db';
import type { WebhookEvent } from '@folkemote/livekit';
import { applyEgressInfo } from '@folkemote/pipeline';
import { admitJoinedParticipant } from './admit-joined-participant.ts';
import type { LiveContext } from './live-context.ts';
import { recordAttendance } from './record-attendance.ts';

/**
 * A verified LiveKit webhook. Egress events update the room's recording (a finished one becomes
 * a recording and enters the pipeline); when someone joins, they are removed at once if their
 * right to the room is gone, and otherwise get what our database says about them (stage, hand).
 * Registrants' comings and goings are kept for the organiser's attendance. Each event id is
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
  await recordAttendance(ctx, event);
  if (event.event === 'participant_joined' && event.room?.name && event.participant)
    await admitJoinedParticipant(ctx, event.room.name, event.participant.identity);
  return 'processed';
}
