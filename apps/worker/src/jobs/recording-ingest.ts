import { findRecording, saveRecordingProbe, transitionRecording } from '@folkemote/db';
import { probeMedia, UnusableMediaError } from '@folkemote/media';
import { advanceRecording } from '@folkemote/pipeline';
import { UnrecoverableError } from 'bullmq';
import type { JobModule } from '../job-handler.ts';
import { fetchSource } from '../source-cache.ts';
import { createStageTimer } from '../stage-timer.ts';

/**
 * Probes the uploaded source. Unusable media fails the job at once, with no retry; the failure
 * handler (on-job-failed.ts) then marks the recording failed with the reason, once the job is
 * failed in the queue too, so a retry right after finds nothing in its way.
 */
export const recordingIngest: JobModule<'recording.ingest'> = {
  name: 'recording.ingest',
  async handle(deps, { recordingId }, ctx) {
    const recording = await findRecording(deps.db, recordingId);
    // Gone, or already past this step (a repeated job): nothing to do.
    if (recording?.state !== 'uploaded') return;
    ctx.reportProgress({ stage: 'probing', percent: 0, etaSeconds: null });
    const stages = createStageTimer(deps.log, recordingId, 'recording.ingest');
    const source = await stages.time('download source', () => fetchSource(deps, recording));
    let probe: Awaited<ReturnType<typeof probeMedia>>;
    try {
      // Stream facts and a whole file are what the quick version needs; the ladder reads the keyframes itself.
      probe = await stages.time('probe', () => probeMedia(source, { packets: 'edges' }));
    } catch (err) {
      if (err instanceof UnusableMediaError) throw new UnrecoverableError(err.message);
      throw err;
    }
    await saveRecordingProbe(deps.db, recordingId, probe, probe.durationSeconds);
    await transitionRecording(deps.db, recordingId, 'uploaded', 'processing', {
      progress: { stage: 'queued', percent: 0, etaSeconds: null },
    });
    deps.log.info({ durationSeconds: probe.durationSeconds }, 'recording accepted');
    await advanceRecording(deps, recordingId);
  },
};
