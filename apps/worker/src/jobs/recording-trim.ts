import { findRecording, findRecordingEdits, transitionRecording } from '@folkemote/db';
import { advanceRecording } from '@folkemote/pipeline';
import type { JobModule } from '../job-handler.ts';
import { makeAndPublishVersion } from '../make-and-publish-version.ts';
import { sameCuts } from '../trim/move-timed-text.ts';
import { recordingWorkDir, removeDir } from '../work-dirs.ts';

/**
 * A new version of a published recording with the organiser's cuts: the recording goes back to
 * processing (its current version stays public), the raw source is trimmed by the smart cut and
 * goes through the full transcode and publish as every version does, and the captions and
 * chapters move with the cuts (`makeAndPublishVersion`). An empty list of cuts is the undo.
 */
export const recordingTrim: JobModule<'recording.trim'> = {
  name: 'recording.trim',
  async handle(deps, { recordingId }, ctx) {
    const recording = await findRecording(deps.db, recordingId);
    const edits = await findRecordingEdits(deps.db, recordingId);
    if (!recording || !edits) return;
    if (recording.state === 'processing') {
      // A trim that was under way when its worker stopped: the pipeline's step finishes it (the
      // full transcode makes its version with the cuts too).
      await advanceRecording(deps, recordingId);
      return;
    }
    if (recording.state !== 'published' || sameCuts(edits.cuts, edits.appliedCuts)) return;
    const progress = { stage: 'trimming', percent: 0, etaSeconds: null } as const;
    await transitionRecording(deps.db, recordingId, 'published', 'processing', { progress });
    await makeAndPublishVersion(deps, { ...recording, state: 'processing' }, 'full', 'published', ctx);
    await removeDir(recordingWorkDir(deps.config.worker.workDir, recordingId));
    await advanceRecording(deps, recordingId);
  },
};
