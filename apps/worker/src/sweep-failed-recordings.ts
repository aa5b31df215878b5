import { listRecordingsInState } from '@folkemote/db';
import { nextRecordingStep } from '@folkemote/pipeline';
import { jobIdFor } from '@folkemote/queue';
import type { WorkerDeps } from './deps.ts';
import { failRecording } from './fail-recording.ts';
import { failureOfStoredJob, recordingFailureReason } from './recording-failure-reason.ts';
import { removeRecordingWorkDir, type WorkDirDeps } from './work-dirs.ts';

type SweepDeps = Pick<WorkerDeps, 'db' | 'queues' | 'log'> & WorkDirDeps;

/** How often the sweep runs while the worker does (and once when it starts). */
export const SWEEP_INTERVAL_MS = 5 * 60_000;

/**
 * Marks failed the recordings whose next job failed for good while the mark did not happen: the
 * worker stopped between the two, or the database stayed away longer than the failure handler
 * tries (see on-job-failed.ts). Without this they would seem to be processed for ever, and could
 * not be retried. A job that failed before the recording last changed (a retry since) is history,
 * not a reason. Returns how many it marked.
 */
export async function sweepFailedRecordings(deps: SweepDeps): Promise<number> {
  const unfinished = await listRecordingsInState(deps.db, ['uploaded', 'processing', 'quick_published']);
  let marked = 0;
  for (const recording of unfinished) {
    const step = nextRecordingStep(recording);
    if (!step) continue;
    const job = await deps.queues.queue(step).getJob(jobIdFor(step, { recordingId: recording.id })!);
    if (!job?.finishedOn || job.finishedOn <= new Date(recording.updatedAt).getTime()) continue;
    if (!(await job.isFailed())) continue;
    // Gone before the recording shows as failed, as when the failure is handled as it happens.
    await removeRecordingWorkDir(deps, recording.id);
    await failRecording(
      deps,
      recording.id,
      recordingFailureReason(failureOfStoredJob(job), job.attemptsMade),
    );
    marked++;
  }
  return marked;
}

/**
 * Runs the sweep now and then every SWEEP_INTERVAL_MS; what goes wrong is logged, and the next
 * run tries again. `stop` waits for a run under way.
 */
export function startFailedRecordingSweep(deps: SweepDeps): {
  stop(): Promise<void>;
} {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = sweepFailedRecordings(deps).then(
      (marked) => {
        if (marked > 0) deps.log.warn({ marked }, 'recordings whose job had failed marked failed');
      },
      (err: unknown) => deps.log.error({ err }, 'sweep for failed recordings went wrong'),
    );
  };
  run();
  const timer = setInterval(run, SWEEP_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
