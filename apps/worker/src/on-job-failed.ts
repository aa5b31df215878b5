import { setTimeout as sleep } from 'node:timers/promises';
import type { JobName } from '@folkemote/queue';
import { DelayedError, type Job } from 'bullmq';
import type { WorkerDeps } from './deps.ts';
import { failRecording } from './fail-recording.ts';
import { markCaptionDraftFailed } from './jobs/recording-captions-draft.ts';
import { failureOfError, recordingFailureReason } from './recording-failure-reason.ts';
import { removeRecordingWorkDir, type WorkDirDeps } from './work-dirs.ts';

/** How often marking a recording failed is tried, and the wait before the second try (doubling after). */
const markAttempts = 5;
const firstMarkDelayMs = 500;

/**
 * What follows a failed attempt: a log line and, once the job has failed for good (BullMQ has
 * moved it to the failed set by now, so a retry can replace it), its temporary files removed and
 * its recording marked failed with the reason an organiser sees. Never rejects: it runs on
 * BullMQ's 'failed' event, where a rejection would end the process, and a database that does not
 * answer is tried again a few times, so the recording still ends failed rather than seeming to be
 * processed for good.
 */
export async function onJobFailed(
  deps: Pick<WorkerDeps, 'db' | 'log'> & WorkDirDeps,
  name: JobName,
  job: Job | undefined,
  err: Error,
): Promise<void> {
  try {
    if (!job || err instanceof DelayedError) return;
    const recordingId = (job.data as { recordingId?: string }).recordingId;
    const final = failureOfError(err).unrecoverable || job.attemptsMade >= (job.opts.attempts ?? 1);
    deps.log.warn(
      { job: name, jobId: job.id, recordingId, attempt: job.attemptsMade, final, err },
      'job failed',
    );
    if (!final || !recordingId) return;
    if (name === 'recording.captions-draft') {
      // A draft from speech failing leaves the published recording as it is: only the request says why.
      await markCaptionDraftFailed(
        deps,
        recordingId,
        recordingFailureReason(failureOfError(err), job.attemptsMade),
      );
      return;
    }
    // Gone before the recording shows as failed: a retry then starts from the source as it is now.
    await removeRecordingWorkDir(deps, recordingId);
    const reason = recordingFailureReason(failureOfError(err), job.attemptsMade);
    await markFailed(deps, name, recordingId, reason);
  } catch (failure) {
    deps.log.error({ err: failure, job: name, jobId: job?.id }, 'handling a failed job went wrong');
  }
}

async function markFailed(
  deps: Pick<WorkerDeps, 'db' | 'log'>,
  name: JobName,
  recordingId: string,
  reason: string,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await failRecording(deps, recordingId, reason);
      return;
    } catch (err) {
      if (attempt >= markAttempts) throw err;
      deps.log.warn(
        { err, job: name, recordingId, attempt },
        'marking the recording failed went wrong; trying again',
      );
      await sleep(firstMarkDelayMs * 2 ** (attempt - 1));
    }
  }
}
