import { findRecording } from '@folkemote/db';
import { advanceRecording } from '@folkemote/pipeline';
import type { JobModule } from '../job-handler.ts';
import { makeAndPublishVersion } from '../make-and-publish-version.ts';

/** A stream-copied single rendition, public within seconds; the full ladder follows. */
export const recordingQuick: JobModule<'recording.quick'> = {
  name: 'recording.quick',
  async handle(deps, { recordingId }, ctx) {
    const recording = await findRecording(deps.db, recordingId);
    if (recording?.state !== 'processing' || recording.publishedVersionId) return;
    await makeAndPublishVersion(deps, recording, 'quick', 'quick_published', ctx);
    await advanceRecording(deps, recordingId);
  },
};
