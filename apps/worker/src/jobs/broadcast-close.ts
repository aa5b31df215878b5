import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { findBroadcastForEvent, findEventAutoPublish, findRecording } from '@folkemote/db';
import { isBroadcastStreamClosed } from '@folkemote/pipeline';
import { deletePrefix, publicKeys } from '@folkemote/storage';
import type { WorkerDeps } from '../deps.ts';
import type { JobModule } from '../job-handler.ts';

/** How long the egress may take to close the stream after the broadcast ended. */
const defaultMaxWaitMs = 3 * 60_000;

/**
 * Waits, polling with a growing pause (250 ms doubling to 5 s), until the egress has written the
 * stream's multivariant VOD playlist; false when it has not after `maxWaitMs`. Waiting is not a
 * failure, so it spends no attempt of the job; a worker shutting down hands the job back.
 */
async function waitForClosedStream(
  deps: WorkerDeps,
  broadcastId: string,
  maxWaitMs: number,
  signal: AbortSignal,
): Promise<boolean> {
  const deadline = Date.now() + maxWaitMs;
  let pause = 250;
  for (;;) {
    if (await isBroadcastStreamClosed(deps.s3, deps.s3Settings.publicBucket, broadcastId, { signal }))
      return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    signal.throwIfAborted();
    pause = Math.min(pause * 2, 5_000);
  }
}

/** Whether what was broadcast stays public: the recording's own say once it exists, else the event's. */
async function staysPublic(deps: WorkerDeps, broadcastId: string, eventId: string): Promise<boolean> {
  const recording = await findRecording(deps.db, broadcastId);
  if (recording) return recording.publication === 'public';
  return (await findEventAutoPublish(deps.db, eventId)) === true;
}

/** Nothing of a held broadcast stays reachable: every object of its stream, and the highlighted question. */
async function withdrawStream(deps: WorkerDeps, broadcastId: string): Promise<void> {
  const bucket = deps.s3Settings.publicBucket;
  await deletePrefix(deps.s3, bucket, publicKeys.broadcastStreamPrefix(broadcastId));
  await deps.s3.send(
    new DeleteObjectCommand({ Bucket: bucket, Key: publicKeys.broadcastHighlight(broadcastId) }),
  );
}

/**
 * The end of a broadcast. Once the egress has closed its stream as VOD: where the event publishes
 * automatically, the stream stays where it is (the live page's manifest then names it as the
 * replay, and the recording's quick step registers it as the quick version); where the organiser
 * reviews first, the stream and the highlight leave the public bucket and the page says the
 * recording is coming. An egress that never closes the stream: a held broadcast is withdrawn all
 * the same; a public one keeps its live segments (they were public) and the replay comes from the
 * file through the ordinary pipeline.
 */
export function createBroadcastClose(options: { maxWaitMs?: number } = {}): JobModule<'broadcast.close'> {
  const maxWaitMs = options.maxWaitMs ?? defaultMaxWaitMs;
  return {
    name: 'broadcast.close',
    async handle(deps, { eventId }, ctx) {
      const broadcast = await findBroadcastForEvent(deps.db, eventId);
      if (broadcast?.status !== 'ended') {
        deps.log.info(
          { eventId, status: broadcast?.status ?? null },
          'broadcast not ended; nothing to close',
        );
        return;
      }
      const closed = await waitForClosedStream(deps, broadcast.id, maxWaitMs, ctx.signal);
      const isPublic = await staysPublic(deps, broadcast.id, eventId);
      if (!isPublic) await withdrawStream(deps, broadcast.id);
      if (!closed)
        deps.log.warn(
          { eventId, broadcastId: broadcast.id, waitedMs: maxWaitMs, held: !isPublic },
          'the broadcast stream was never closed; the replay comes from the recording file',
        );
      await deps.queues.enqueue('broadcast.refresh', { eventId });
      deps.log.info({ eventId, broadcastId: broadcast.id, closed, held: !isPublic }, 'broadcast closed');
    },
  };
}

export const broadcastClose = createBroadcastClose();
