import { findRecording } from '@folkemote/db';
import type { WorkerDeps } from './deps.ts';
import { canQuickPublishProbe } from './probe-facts.ts';

/**
 * The state machine's second half: given where a recording is, enqueue the job
 * that moves it on. Jobs call this after every transition and never enqueue
 * each other directly. Fixed job ids make a repeated call harmless.
 */
export async function advanceRecording(
  deps: Pick<WorkerDeps, 'db' | 'queues'>,
  recordingId: string,
): Promise<void> {
  const recording = await findRecording(deps.db, recordingId);
  if (!recording) return;
  switch (recording.state) {
    case 'uploaded':
      await deps.queues.enqueue('recording.ingest', { recordingId });
      return;
    case 'processing':
      if (recording.publishedVersionId === null && canQuickPublishProbe(recording.probe)) {
        await deps.queues.enqueue('recording.quick', { recordingId });
      } else {
        await deps.queues.enqueue('recording.transcode', { recordingId });
      }
      return;
    case 'quick_published':
      await deps.queues.enqueue('recording.transcode', { recordingId });
      await deps.queues.enqueue('site.rebuild', {});
      return;
    case 'published':
      await deps.queues.enqueue('site.rebuild', {});
      return;
    case 'failed':
      return;
  }
}
