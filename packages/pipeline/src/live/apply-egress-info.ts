import {
  findEventById,
  findLiveRoomByName,
  insertRecording,
  type LiveRoomRow,
  linkEgressRecording,
  recordLiveKitWebhookEvent,
  saveEgressReport,
} from '@folkemote/db';
import type { EgressInfo } from '@folkemote/livekit';
import { advanceRecording } from '../advance-recording.ts';
import { broadcastOfEgress } from '../broadcast/broadcast-recording.ts';
import type { PipelineDeps } from '../pipeline-deps.ts';
import { dateFromNanoseconds, fileResultOf, toEgressReport } from './egress-report.ts';
import { endBroadcastOnEgressStop } from './end-broadcast.ts';
import { rawKeyFromFile } from './raw-key-from-file.ts';

export interface EgressUpdateOutcome {
  /** The event whose room the egress records; null when the room is not one of ours. */
  eventId: string | null;
  /** Something the room view shows changed. */
  changed: boolean;
  /** The recording made from the finished file by this call. */
  recordingId: string | null;
  /** The webhook event was processed before: nothing was done. */
  duplicate: boolean;
}

/**
 * Applies what LiveKit says about an egress, from a webhook or from ListEgress. A finished
 * file becomes a recording exactly once (the egress row's lock and its recording link decide),
 * and the pipeline starts on it; the file of a broadcast's egress becomes the recording with the
 * broadcast's id. A webhook's event id is stored in the same transaction, so a
 * repeated delivery changes nothing.
 */
export async function applyEgressInfo(
  deps: Pick<PipelineDeps, 'db' | 'queues' | 's3Settings' | 'log'>,
  info: EgressInfo,
  options: {
    webhookEvent?: { id: string; event: string };
    /** The egress's room when the caller has it already (the reconciler lists egresses by room). */
    room?: LiveRoomRow;
  } = {},
): Promise<EgressUpdateOutcome> {
  const outcome = await deps.db.transaction(async (tx): Promise<EgressUpdateOutcome> => {
    const none = { eventId: null, changed: false, recordingId: null, duplicate: false };
    const webhook = options.webhookEvent;
    if (webhook && !(await recordLiveKitWebhookEvent(tx, webhook.id, webhook.event)))
      return { ...none, duplicate: true };
    const room =
      options.room?.roomName === info.roomName
        ? options.room
        : info.roomName
          ? await findLiveRoomByName(tx, info.roomName)
          : null;
    if (!room || !info.egressId) return none;

    const report = toEgressReport(info, room.eventId);
    const file = fileResultOf(info);
    const key = file ? rawKeyFromFile(file, deps.s3Settings.rawBucket) : null;
    if (report.status === 'complete' && !key)
      report.error = 'LiveKit reported the recording as finished, but not where the file was written';
    const saved = await saveEgressReport(tx, report);
    if (!saved) return { ...none, eventId: room.eventId };
    const { egress } = saved;
    if (egress.status !== 'complete' || egress.recordingId !== null || !file || !key)
      return { ...none, eventId: room.eventId, changed: saved.changed };

    const event = await findEventById(tx, room.eventId);
    const size = Number(file.size);
    // A broadcast's file takes the broadcast's id: the replay lands at the live page's address.
    const broadcast = await broadcastOfEgress(tx, room.eventId, info.egressId);
    const recording = await insertRecording(tx, {
      id: broadcast?.id,
      eventId: room.eventId,
      title: event?.title ?? room.roomName,
      sourceKey: key,
      sourceBytes: size > 0 ? size : null,
      sourceStartedAt: dateFromNanoseconds(file.startedAt) ?? report.startedAt,
    });
    await linkEgressRecording(tx, egress.id, recording.id);
    return { eventId: room.eventId, changed: true, recordingId: recording.id, duplicate: false };
  });
  // The egress that wrote a broadcast's stream has stopped: the broadcast ends (once).
  if (outcome.eventId && !outcome.duplicate) await endBroadcastOnEgressStop(deps, outcome.eventId, info);
  if (outcome.recordingId) {
    deps.log.info(
      { recordingId: outcome.recordingId, eventId: outcome.eventId, egressId: info.egressId },
      'live recording received',
    );
    await advanceRecording(deps, outcome.recordingId);
  }
  return outcome;
}
