import { findRecording, transitionRecording } from '@folkemote/db';
import { advanceRecording } from '@folkemote/worker';
import type { ApiDeps } from '../api-deps.ts';

export type RetryResult = 'retried' | 'not_found' | 'not_failed';

/** Sends a failed recording through the pipeline again from the start. */
export async function retryRecording(deps: Pick<ApiDeps, 'db' | 'queues'>, id: string): Promise<RetryResult> {
  const recording = await findRecording(deps.db, id);
  if (!recording) return 'not_found';
  if (recording.state !== 'failed') return 'not_failed';
  await transitionRecording(deps.db, id, 'failed', 'uploaded', {
    progress: { stage: 'queued', percent: 0, etaSeconds: null },
  });
  await advanceRecording(deps, id);
  return 'retried';
}
