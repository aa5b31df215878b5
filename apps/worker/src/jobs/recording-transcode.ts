import { findRecording } from '@folkemote/db';
import { advanceRecording } from '@folkemote/pipeline';
import type { JobModule } from '../job-handler.ts';
import { makeAndPublishVersion } from '../make-and-publish-version.ts';
import { recordingWorkDir, removeDir } from '../work-dirs.ts';

/** The full ladder, replacing the quick version (or going out first when no quick one was possible). */
export const recordingTranscode: JobModule<'recording.transcode'> = {
  name: 'recording.transcode',
  async handle(deps, { recordingId }, ctx) {
    const recording = await findRecording(deps.db, recordingId);
    if (!recording || (recording.state !== 'processing' && recording.state !== 'quick_published')) return;
    await makeAndPublishVersion(deps, recording, 'full', 'published', ctx);
    // The local copy of the source is no longer needed by any step.
    await removeDir(recordingWorkDir(deps.config.worker.workDir, recordingId));
    // Draft captions from speech follow the full version, when an engine is configured.
    await advanceRecording({ ...deps, captionsEngine: deps.config.captions.engine }, recordingId);
  },
};
