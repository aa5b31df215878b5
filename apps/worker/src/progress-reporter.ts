import { updateRecordingProgress } from '@folkemote/db';
import type { Progress } from '@folkemote/domain';
import type { WorkerDeps } from './deps.ts';

/**
 * Writes progress to the recording at most once a second (and always on a
 * stage change), so ffmpeg's many progress lines do not flood the database.
 */
export function createProgressReporter(
  deps: Pick<WorkerDeps, 'db' | 'log'>,
  recordingId: string | null,
  onReport: (p: Progress) => void = () => {},
  intervalMs = 1000,
): { report(p: Progress): void; flush(): Promise<void> } {
  let lastWrite = 0;
  let lastStage: string | null = null;
  let pending: Promise<void> = Promise.resolve();
  return {
    report(progress) {
      const now = Date.now();
      if (progress.stage === lastStage && now - lastWrite < intervalMs) return;
      lastWrite = now;
      lastStage = progress.stage;
      onReport(progress);
      if (!recordingId) return;
      pending = pending
        .then(() => updateRecordingProgress(deps.db, recordingId, progress))
        .catch((err) => deps.log.warn({ err, recordingId }, 'progress not saved'));
    },
    flush: () => pending,
  };
}
