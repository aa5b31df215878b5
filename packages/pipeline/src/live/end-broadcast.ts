import { findBroadcastForEvent, markBroadcastEnded } from '@folkemote/db';
import { type EgressInfo, EgressStatus } from '@folkemote/livekit';
import type { PipelineDeps } from '../pipeline-deps.ts';

type BroadcastDeps = Pick<PipelineDeps, 'db' | 'queues' | 'log'>;

/** The egress no longer writes the stream: it is closing, done, failed or stopped by a limit. */
const streamStopped = new Set<EgressStatus>([
  EgressStatus.EGRESS_ENDING,
  EgressStatus.EGRESS_COMPLETE,
  EgressStatus.EGRESS_FAILED,
  EgressStatus.EGRESS_ABORTED,
  EgressStatus.EGRESS_LIMIT_REACHED,
]);

/**
 * Ends the event's broadcast, once: live → ended, then its pages are rewritten (`broadcast.refresh`)
 * and its stream is published as the quick replay or held (`broadcast.close`). The host stopping
 * the recording, the host ending the webinar, a webhook and the reconciler all come here; only the
 * first changes anything. True when this call ended it.
 */
export async function endBroadcast(deps: BroadcastDeps, eventId: string): Promise<boolean> {
  const ended = await markBroadcastEnded(deps.db, eventId);
  if (!ended) return false;
  deps.log.info({ eventId, broadcastId: ended.id }, 'broadcast ended');
  await deps.queues.enqueue('broadcast.refresh', { eventId });
  await deps.queues.enqueue('broadcast.close', { eventId });
  return true;
}

/** Ends the broadcast when LiveKit says the egress writing it has stopped (whoever stopped it). */
export async function endBroadcastOnEgressStop(
  deps: BroadcastDeps,
  eventId: string,
  info: Pick<EgressInfo, 'egressId' | 'status'>,
): Promise<boolean> {
  if (!streamStopped.has(info.status)) return false;
  return endBroadcastOfEgress(deps, eventId, info.egressId);
}

/** Ends the broadcast if `egressId` is the egress writing it (another recording of the room is not). */
export async function endBroadcastOfEgress(
  deps: BroadcastDeps,
  eventId: string,
  egressId: string,
): Promise<boolean> {
  const broadcast = await findBroadcastForEvent(deps.db, eventId);
  if (broadcast?.status !== 'live' || broadcast.egressId !== egressId) return false;
  return endBroadcast(deps, eventId);
}
