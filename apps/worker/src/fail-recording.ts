import { findRecording, transitionRecording } from '@folkemote/db';
import { canTransition } from '@folkemote/domain';
import type { WorkerDeps } from './deps.ts';

/** Moves a recording to failed with a reason an organiser can act on. */
export async function failRecording(
  deps: Pick<WorkerDeps, 'db' | 'log'>,
  recordingId: string,
  reason: string,
) {
  const recording = await findRecording(deps.db, recordingId);
  if (!recording || !canTransition(recording.state, 'failed')) return;
  await transitionRecording(deps.db, recordingId, recording.state, 'failed', {
    failureReason: reason,
    progress: null,
  });
  deps.log.warn({ recordingId, reason }, 'recording failed');
}
