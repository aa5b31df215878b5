import { rm } from 'node:fs/promises';
import path from 'node:path';
import { findCaptionDraft, findRecording, saveDraftCaption, updateCaptionDraft } from '@folkemote/db';
import { cuesFromWords, toWebVtt } from '@folkemote/domain';
import { probeMedia, recordingDemuxer } from '@folkemote/media';
import { createSpeechEngine, extractSpeechAudio, SpeechEngineUnusableError } from '@folkemote/media/speech';
import { contentHash, putObject, rawKeys } from '@folkemote/storage';
import type { WorkerDeps } from '../deps.ts';
import type { JobModule } from '../job-handler.ts';
import { fetchSource } from '../source-cache.ts';
import { makeCleanDir, recordingWorkDir, removeDir } from '../work-dirs.ts';

/** Writes the draft's percent at most once a second; never above 99 until the draft is kept. */
function draftProgress(deps: Pick<WorkerDeps, 'db' | 'log'>, recordingId: string, totalSeconds: number) {
  let lastWrite = 0;
  let pending: Promise<void> = Promise.resolve();
  return {
    position(seconds: number) {
      const now = Date.now();
      if (now - lastWrite < 1000 || !(totalSeconds > 0)) return;
      lastWrite = now;
      const percent = Math.min(99, Math.round((seconds / totalSeconds) * 1000) / 10);
      pending = pending
        .then(() => updateCaptionDraft(deps.db, recordingId, { state: 'running', percent }))
        .catch((err) => deps.log.warn({ err, recordingId }, 'draft caption progress not saved'));
    },
    flush: () => pending,
  };
}

/**
 * Draft captions from speech: the source's sound as 16 kHz mono, the configured engine in the
 * language asked for (the event's), cues that keep the caption rules, and the WebVTT file kept in
 * the raw bucket as a draft. Nothing of it is public until an organiser approves it.
 */
export const recordingCaptionsDraft: JobModule<'recording.captions-draft'> = {
  name: 'recording.captions-draft',
  async handle(deps, { recordingId }, ctx) {
    const recording = await findRecording(deps.db, recordingId);
    const draft = await findCaptionDraft(deps.db, recordingId);
    if (recording?.state !== 'published' || !draft || draft.state === 'done') return;
    const fail = (failure: string) =>
      updateCaptionDraft(deps.db, recordingId, { state: 'failed', percent: 0, failure });
    const engine = createSpeechEngine(deps.config.captions);
    if (!engine) return fail('No speech recognition engine is configured (CAPTIONS_ENGINE)');
    const refusal = engine.refusal(draft.language);
    if (refusal) return fail(refusal);

    const recordingDir = recordingWorkDir(deps.config.worker.workDir, recordingId);
    const dir = await makeCleanDir(path.join(recordingDir, 'captions-draft'));
    try {
      await updateCaptionDraft(deps.db, recordingId, { state: 'running', percent: 0 });
      const source = await fetchSource(deps, recording);
      const probe = await probeMedia(source, { signal: ctx.signal });
      if (!probe.audio) return fail('The recording has no sound to recognise');
      const audio = await extractSpeechAudio(
        { path: source, demuxer: recordingDemuxer(probe.container) },
        path.join(dir, 'speech.wav'),
        { signal: ctx.signal, stallTimeoutMs: deps.config.worker.stallTimeoutMs },
      );
      // The source is not needed again: the published versions are in the public bucket.
      await rm(source, { force: true });
      const progress = draftProgress(deps, recordingId, probe.durationSeconds);
      const words = await engine.transcribe(audio, {
        language: draft.language,
        signal: ctx.signal,
        onPosition: progress.position,
        // A recogniser that reports nothing for ten minutes is hung: it would hold the queue for good.
        stallTimeoutMs: 10 * 60_000,
      });
      await progress.flush();
      const cues = cuesFromWords(words);
      const vtt = toWebVtt(cues);
      const key = rawKeys.captionsDraft(
        recordingId,
        { language: draft.language, kind: 'captions' },
        contentHash(vtt),
      );
      await putObject(deps.s3, {
        bucket: deps.s3Settings.rawBucket,
        key,
        body: vtt,
        contentType: 'text/vtt',
      });
      const kept = await saveDraftCaption(deps.db, {
        recordingId,
        language: draft.language,
        rawKey: key,
        cueCount: cues.length,
      });
      await updateCaptionDraft(deps.db, recordingId, {
        state: kept ? 'done' : 'failed',
        percent: kept ? 100 : 0,
        cueCount: cues.length,
        failure: kept ? null : 'Approved captions in this language are already there: the draft was not kept',
      });
      deps.log.info({ cues: cues.length, engine: engine.name }, 'draft captions made');
    } catch (err) {
      // A missing model or a language the engine cannot hear: no retry helps.
      if (err instanceof SpeechEngineUnusableError) return fail(err.message);
      throw err;
    } finally {
      await removeDir(dir);
    }
  },
};

/** When the job has failed for good: the draft request shows why; the recording itself is untouched. */
export async function markCaptionDraftFailed(
  deps: Pick<WorkerDeps, 'db'>,
  recordingId: string,
  reason: string,
): Promise<void> {
  await updateCaptionDraft(deps.db, recordingId, { state: 'failed', percent: 0, failure: reason });
}
