import { findRecording, StaleStateError, transitionRecording } from '@folkemote/db';
import { advanceRecording } from '@folkemote/worker';
import type { ApiDeps } from '../api-deps.ts';
import { mayManageRecording } from './recording-access.ts';

export type RetryResult = 'retried' | 'not_found' | 'not_failed';

/**
 * Sends a failed recording of the organisation through the pipeline again from the start.
 * Another organisation's recording is as unknown as a missing one.
 */
export async function retryRecording(
  deps: Pick<ApiDeps, 'db' | 'queues'>,
  id: string,
  organisationId: string,
): Promise<RetryResult> {
  const recording = await findRecording(deps.db, id);
  if (!recording || !mayManageRecording(organisationId, recording)) return 'not_found';
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
