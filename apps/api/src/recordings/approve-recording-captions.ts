import { approveRecordingCaption, findRecordingCaption, type RecordingCaptionRow } from '@folkemote/db';
import { type CaptionKind, type CaptionLanguage, MAX_CAPTION_BYTES } from '@folkemote/domain';
import { contentHash, publicKeys, putObject, readObjectText } from '@folkemote/storage';
import type { ApiDeps } from '../api-deps.ts';

type Deps = Pick<ApiDeps, 'db' | 's3' | 's3Settings' | 'queues'>;

/** The bucket a track's file is in: the raw bucket while it is a draft, the public one once approved. */
export const captionBucket = (deps: Pick<ApiDeps, 's3Settings'>, track: RecordingCaptionRow) =>
  track.status === 'approved' ? deps.s3Settings.publicBucket : deps.s3Settings.rawBucket;

/**
 * Approves a draft track: its file is copied from the raw bucket to the public one under a
 * content-hashed name, then the row says approved and points there, and the pages are rewritten.
 * An approved track is returned as it is; null when there is no track of that kind and language
 * (or it was replaced while this ran).
 */
export async function approveRecordingCaptions(
  deps: Deps,
  track: { recordingId: string; kind: CaptionKind; language: CaptionLanguage },
): Promise<RecordingCaptionRow | null> {
  const row = await findRecordingCaption(deps.db, track.recordingId, track.kind, track.language);
  if (!row || row.status === 'approved') return row;
  const vtt = await readObjectText(deps.s3, deps.s3Settings.rawBucket, row.publicKey, {
    maxBytes: MAX_CAPTION_BYTES,
  });
  if (vtt === null) return null;
  const publicKey = publicKeys.captions(track.recordingId, track, contentHash(vtt));
  await putObject(deps.s3, { bucket: deps.s3Settings.publicBucket, key: publicKey, body: vtt });
  const approved = await approveRecordingCaption(deps.db, { ...track, draftKey: row.publicKey }, publicKey);
  if (approved) await deps.queues.enqueue('replay.refresh', { recordingId: track.recordingId });
  return approved;
}
