import {
  deleteStaleEgressReservations,
  findLiveRoom,
  type LiveRoomRow,
  listEgressRecordingsAwaitingIngest,
  listLiveRoomsToReconcile,
  pruneLiveKitWebhookEvents,
} from '@folkemote/db';
import { createLiveKitControl, type LiveKitControl } from '@folkemote/livekit';
import { advanceRecording, applyEgressInfo } from '@folkemote/pipeline';
import { publishRoomChange } from '@folkemote/queue';
import type { WorkerDeps } from '../deps.ts';

/** How long after a room ends its egresses are still compared; LiveKit keeps them listed for a while. */
const endedRoomWindowSeconds = 24 * 3600;
/** A reservation this old belongs to a start that never got LiveKit's answer stored. */
const staleReservationSeconds = 10 * 60;
/** LiveKit stops retrying a webhook long before this. */
const webhookIdRetentionSeconds = 7 * 24 * 3600;

export interface ReconcileResult {
  rooms: number;
  changed: number;
  recordingsCreated: number;
}

/**
 * Webhooks can be lost. Compares what we believe about each room's recordings with
 * LiveKit's ListEgress and applies the difference: an egress LiveKit finished that we never
 * heard of becomes a recording (once), one we still think active gets its final state.
 */
export async function reconcileLiveRooms(
  deps: Pick<WorkerDeps, 'db' | 'queues' | 's3Settings' | 'log' | 'config'>,
  options: { eventId?: string; control?: LiveKitControl } = {},
): Promise<ReconcileResult> {
  const control = options.control ?? createLiveKitControl(deps.config.livekit);
  let rooms: LiveRoomRow[];
  if (options.eventId) {
    const room = await findLiveRoom(deps.db, options.eventId);
    rooms = room ? [room] : [];
  } else {
    rooms = await listLiveRoomsToReconcile(deps.db, endedRoomWindowSeconds);
  }
  const result: ReconcileResult = { rooms: rooms.length, changed: 0, recordingsCreated: 0 };
  let failed = 0;
  for (const room of rooms) {
    try {
      const egresses = await control.listEgress({ roomName: room.roomName });
      let roomChanged = false;
      for (const info of egresses) {
        const outcome = await applyEgressInfo(deps, info, { room });
        if (outcome.changed) {
          roomChanged = true;
          result.changed++;
        }
        if (outcome.recordingId) result.recordingsCreated++;
      }
      if (roomChanged) await publishRoomChange(deps.queues, deps.config.redis.queuePrefix, room.eventId);
    } catch (err) {
      // One room's failure must not keep the others from catching up; the job is retried after.
      failed++;
      deps.log.warn({ err, eventId: room.eventId }, 'room could not be reconciled with LiveKit');
    }
  }
  if (!options.eventId) {
    for (const recordingId of await listEgressRecordingsAwaitingIngest(deps.db))
      await advanceRecording(deps, recordingId);
    await deleteStaleEgressReservations(deps.db, staleReservationSeconds);
    await pruneLiveKitWebhookEvents(deps.db, webhookIdRetentionSeconds);
  }
  if (failed > 0) throw new Error(`${failed} of ${rooms.length} rooms could not be reconciled with LiveKit`);
  return result;
}
