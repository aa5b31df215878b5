import { findRecording, type RecordingRow } from '@folkemote/db';
import { broadcastOfRecording } from './broadcast/broadcast-recording.ts';
import type { PipelineDeps } from './pipeline-deps.ts';
import { canQuickPublishProbe } from './probe-facts.ts';
import { type CaptionsEngineName, draftCaptionsAfterTranscode } from './request-draft-captions.ts';

export type RecordingStep = 'recording.ingest' | 'recording.quick' | 'recording.transcode';

/** The job that moves a recording on from where it is; null when it is published or failed. */
export function nextRecordingStep(
  recording: Pick<RecordingRow, 'state' | 'publishedVersionId' | 'probe'>,
  options: {
    /** A public broadcast's recording: its closed stream is the quick version, whatever the file's codecs. */
    fromBroadcast?: boolean;
  } = {},
): RecordingStep | null {
  switch (recording.state) {
    case 'uploaded':
      return 'recording.ingest';
    case 'processing':
      return recording.publishedVersionId === null &&
        (options.fromBroadcast === true || canQuickPublishProbe(recording.probe))
        ? 'recording.quick'
        : 'recording.transcode';
    case 'quick_published':
      return 'recording.transcode';
    case 'published':
    case 'failed':
      return null;
  }
}

/**
 * The state machine's second half: given where a recording is, enqueue the job
 * that moves it on. Jobs call this after every transition and never enqueue
 * each other directly. Fixed job ids make a repeated call harmless.
 */
export async function advanceRecording(
  deps: Pick<PipelineDeps, 'db' | 'queues'> & {
    /** The worker's speech engine: a full version just published gets draft captions from speech. */
    captionsEngine?: CaptionsEngineName;
  },
  recordingId: string,
): Promise<void> {
  const recording = await findRecording(deps.db, recordingId);
  if (!recording) return;
  const fromBroadcast =
    recording.state === 'processing' &&
    recording.publication === 'public' &&
    (await broadcastOfRecording(deps.db, recordingId)) !== null;
  const step = nextRecordingStep(recording, { fromBroadcast });
  if (step) await deps.queues.enqueue(step, { recordingId });
  // A public replay changes the archive and the feeds.
  if (recording.state === 'quick_published' || recording.state === 'published')
    await deps.queues.enqueue('site.rebuild', {});
  if (recording.state === 'published' && deps.captionsEngine)
    await draftCaptionsAfterTranscode(deps, recordingId, deps.captionsEngine);
}
