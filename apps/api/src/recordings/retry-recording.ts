import { findRecording, StaleStateError, transitionRecording, updateRecordingProgress } from '@folkemote/db';
import { isProgressStalled } from '@folkemote/domain';
import { advanceRecording } from '@folkemote/pipeline';
import type { ApiDeps } from '../api-deps.ts';
import { mayManageRecording } from './recording-access.ts';

export type RetryResult = 'retried' | 'not_found' | 'not_failed';

/**
 * Sends a failed recording of the organisation through the pipeline again from the start, or puts
 * a stalled one's step back in the queue. Another organisation's recording is as unknown as a
 * missing one.
 *
 * A stalled step's job is usually still in BullMQ, held by a worker that died: the next worker's
 * stalled-job check takes it up again, and enqueueing it under its fixed id adds nothing. Where the
 * job is gone (Redis lost it), enqueueing adds it again. Either way the progress goes back to
 * "queued", which is what the recording now does.
 */
export async function retryRecording(
  deps: Pick<ApiDeps, 'db' | 'queues'>,
  id: string,
  organisationId: string,
  now = new Date(),
): Promise<RetryResult> {
  const recording = await findRecording(deps.db, id);
  if (!recording || !mayManageRecording(organisationId, recording)) return 'not_found';
  if (isProgressStalled(recording.state, recording.progress, new Date(recording.updatedAt), now)) {
    await updateRecordingProgress(deps.db, id, { stage: 'queued', percent: 0, etaSeconds: null });
    await advanceRecording(deps, id);
    return 'retried';
  }
  if (recording.state !== 'failed') return 'not_failed';
  try {
    await transitionRecording(deps.db, id, 'failed', 'uploaded', {
      progress: { stage: 'queued', percent: 0, etaSeconds: null },
    });
  } catch (err) {
    // A second retry that arrived at the same moment: the first one moved it.
    if (err instanceof StaleStateError) return 'not_failed';
    throw err;
  }
  await advanceRecording(deps, id);
  return 'retried';
}
