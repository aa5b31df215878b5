import { findActiveEgress } from '@folkemote/db';
import { endBroadcastOfEgress } from '@folkemote/pipeline';
import { clearHighlight } from './clear-highlight.ts';
import { type LiveContext, type LiveFailure, liveFailure, liveKitUnavailable } from './live-context.ts';
import { stopEgress } from './stop-egress.ts';

/**
 * Stops the active recording; the file becomes a recording when LiveKit reports it complete. A
 * broadcast streamed by it ends.
 */
export async function stopRoomRecording(
  ctx: LiveContext,
  eventId: string,
): Promise<{ ok: true } | LiveFailure> {
  const { db, log, queues } = ctx.deps;
  const egress = await findActiveEgress(db, eventId);
  if (!egress) return liveFailure(409, 'no_active_recording', 'The room is not being recorded');
  if (!egress.egressId)
    return liveFailure(409, 'recording_starting', 'The recording is still starting; try again in a moment');
  let outcome: Awaited<ReturnType<typeof stopEgress>>;
  try {
    outcome = await stopEgress(ctx, egress.egressId);
  } catch (err) {
    log.warn({ err, eventId }, 'recording could not be stopped');
    return liveKitUnavailable();
  }
  if (outcome === 'already_ended') await queues.enqueue('livekit.reconcile', { eventId });
  // Stopping the egress that streams a broadcast ends the broadcast, whatever LiveKit answered.
  await endBroadcastOfEgress(ctx.deps, eventId, egress.egressId);
  await clearHighlight(ctx, eventId);
  log.info({ eventId, egressId: egress.egressId }, 'room recording stopped');
  await ctx.changes.announce(eventId);
  return { ok: true };
}
