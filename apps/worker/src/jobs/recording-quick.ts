import { findRecording } from '@folkemote/db';
import { advanceRecording, canQuickPublishProbe } from '@folkemote/pipeline';
import type { JobModule } from '../job-handler.ts';
import { makeAndPublishVersion } from '../make-and-publish-version.ts';
import { closedStreamOf, publishBroadcastVersion } from '../publish-broadcast-version.ts';

/**
 * Public within seconds; the full ladder follows. A public broadcast's closed stream is its quick
 * version as it is; any other recording gets a stream-copied single rendition. A broadcast whose
 * stream never closed and whose file cannot be stream-copied goes straight to the full version.
 */
export const recordingQuick: JobModule<'recording.quick'> = {
  name: 'recording.quick',
  async handle(deps, { recordingId }, ctx) {
    const recording = await findRecording(deps.db, recordingId);
    if (recording?.state !== 'processing' || recording.publishedVersionId) return;
    const stream = await closedStreamOf(deps, recording);
    if (stream) await publishBroadcastVersion(deps, recording, stream);
    else if (canQuickPublishProbe(recording.probe))
      await makeAndPublishVersion(deps, recording, 'quick', 'quick_published', ctx);
    else await makeAndPublishVersion(deps, recording, 'full', 'published', ctx);
    // Draft captions from speech follow a full version, when one was made here.
    await advanceRecording({ ...deps, captionsEngine: deps.config.captions.engine }, recordingId);
  },
};
