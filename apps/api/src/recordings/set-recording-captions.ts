import { createHash } from 'node:crypto';
import { type RecordingCaptionRow, upsertRecordingCaption } from '@folkemote/db';
import { type CaptionLanguage, parseCaptions, toWebVtt } from '@folkemote/domain';
import { publicKeys, putObject } from '@folkemote/storage';
import type { ApiDeps } from '../api-deps.ts';

/**
 * Adds or replaces a recording's captions in one language. The file is parsed
 * (WebVTT or SubRip), written back as clean WebVTT under a content-hashed name
 * in the public bucket, recorded, and the replay pages are rewritten to offer
 * it. Bad captions throw a CaptionsError before anything is stored.
 */
export async function setRecordingCaptions(
  deps: Pick<ApiDeps, 'db' | 's3' | 's3Settings' | 'queues'>,
  input: { recordingId: string; language: CaptionLanguage; text: string },
): Promise<RecordingCaptionRow> {
  const cues = parseCaptions(input.text);
  const vtt = toWebVtt(cues);
  const hash = createHash('sha256').update(vtt).digest('hex').slice(0, 12);
  const key = publicKeys.captions(input.recordingId, input.language, hash);
  await putObject(deps.s3, { bucket: deps.s3Settings.publicBucket, key, body: vtt });
  const caption = await upsertRecordingCaption(deps.db, {
    recordingId: input.recordingId,
    language: input.language,
    publicKey: key,
    cueCount: cues.length,
  });
  await deps.queues.enqueue('replay.refresh', { recordingId: input.recordingId });
  return caption;
}
