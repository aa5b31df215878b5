import { type RecordingCaptionRow, upsertRecordingCaption } from '@folkemote/db';
import {
  type CaptionCue,
  type CaptionKind,
  type CaptionLanguage,
  parseCaptions,
  toWebVtt,
} from '@folkemote/domain';
import { contentHash, putObject, rawKeys } from '@folkemote/storage';
import type { ApiDeps } from '../api-deps.ts';

/**
 * Adds or replaces a recording's captions (or description track) in one language, as a draft.
 * The file is parsed (WebVTT or SubRip), written back as clean WebVTT under a content-hashed
 * name in the raw bucket, and recorded: a draft is private until an organiser approves it
 * (`approveRecordingCaptions` copies it to the public bucket). Pages are rewritten now too,
 * since a draft replaces a track that may have been approved.
 * Bad captions throw a CaptionsError before anything is stored.
 */
export async function setRecordingCaptions(
  deps: Pick<ApiDeps, 'db' | 's3' | 's3Settings' | 'queues'>,
  input: { recordingId: string; language: CaptionLanguage; kind?: CaptionKind } & (
    | { text: string }
    | { cues: CaptionCue[] }
  ),
): Promise<RecordingCaptionRow> {
  // Cues from the editor go through the same reading as a file, so both are cleaned alike.
  const cues = parseCaptions('text' in input ? input.text : toWebVtt(input.cues));
  const vtt = toWebVtt(cues);
  const kind = input.kind ?? 'captions';
  const key = rawKeys.captionsDraft(input.recordingId, { language: input.language, kind }, contentHash(vtt));
  await putObject(deps.s3, { bucket: deps.s3Settings.rawBucket, key, body: vtt });
  const caption = await upsertRecordingCaption(deps.db, {
    recordingId: input.recordingId,
    language: input.language,
    kind,
    status: 'draft',
    publicKey: key,
    cueCount: cues.length,
  });
  await deps.queues.enqueue('replay.refresh', { recordingId: input.recordingId });
  return caption;
}
