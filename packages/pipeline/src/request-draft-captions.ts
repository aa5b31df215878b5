import {
  type CaptionDraftLanguage,
  type CaptionDraftRow,
  findCaptionDraft,
  findEventById,
  findRecording,
  listRecordingCaptions,
  type RecordingRow,
  requestCaptionDraft,
  updateCaptionDraft,
} from '@folkemote/db';
import { speechEngineRefusal } from '@folkemote/media/speech';
import type { PipelineDeps } from './pipeline-deps.ts';

/** The configured speech engine's name (`config.captions.engine`). */
export type CaptionsEngineName = 'none' | 'whisper' | 'pocketsphinx';

export type DraftCaptionsRequest =
  | { ok: true; draft: CaptionDraftRow }
  | {
      ok: false;
      code: 'captions_engine_not_configured' | 'recording_not_processed' | 'captions_language_unsupported';
      message: string;
    };

/** The language the draft is in: the event's, never detected; bokmål for a recording without an event. */
export async function draftCaptionsLanguage(
  deps: Pick<PipelineDeps, 'db'>,
  recording: Pick<RecordingRow, 'eventId'>,
): Promise<CaptionDraftLanguage> {
  const event = recording.eventId ? await findEventById(deps.db, recording.eventId) : null;
  return event?.language ?? 'nb';
}

/**
 * Asks for draft captions from speech of a processed recording: the request is kept (queued, with
 * the engine and the event's language) and the job enqueued under its fixed id, so asking twice
 * while it runs adds nothing.
 */
export async function requestDraftCaptions(
  deps: Pick<PipelineDeps, 'db' | 'queues'>,
  recording: Pick<RecordingRow, 'id' | 'state' | 'eventId'>,
  engine: CaptionsEngineName,
): Promise<DraftCaptionsRequest> {
  if (engine === 'none')
    return {
      ok: false,
      code: 'captions_engine_not_configured',
      message: 'No speech recognition engine is configured (CAPTIONS_ENGINE)',
    };
  if (recording.state !== 'published')
    return {
      ok: false,
      code: 'recording_not_processed',
      message: 'Draft captions are made from the full version: wait until the recording is processed',
    };
  const language = await draftCaptionsLanguage(deps, recording);
  const refusal = speechEngineRefusal(engine, language);
  if (refusal) return { ok: false, code: 'captions_language_unsupported', message: refusal };
  const draft = await requestCaptionDraft(deps.db, { recordingId: recording.id, language, engine });
  await deps.queues.enqueue('recording.captions-draft', { recordingId: recording.id });
  return { ok: true, draft };
}

/**
 * After the full transcode: a draft from speech for a recording that has neither captions in its
 * language nor a draft asked for before (a re-run asks for none again). Where the engine cannot
 * hear the language, the request is kept as failed with the reason, so the organiser sees why.
 */
export async function draftCaptionsAfterTranscode(
  deps: Pick<PipelineDeps, 'db' | 'queues'>,
  recordingId: string,
  engine: CaptionsEngineName,
): Promise<void> {
  if (engine === 'none') return;
  const recording = await findRecording(deps.db, recordingId);
  if (recording?.state !== 'published') return;
  if (await findCaptionDraft(deps.db, recordingId)) return;
  const language = await draftCaptionsLanguage(deps, recording);
  const captions = await listRecordingCaptions(deps.db, recordingId);
  if (captions.some((c) => c.language === language)) return;
  const outcome = await requestDraftCaptions(deps, recording, engine);
  if (!outcome.ok && outcome.code === 'captions_language_unsupported') {
    await requestCaptionDraft(deps.db, { recordingId, language, engine });
    await updateCaptionDraft(deps.db, recordingId, { state: 'failed', percent: 0, failure: outcome.message });
  }
}
