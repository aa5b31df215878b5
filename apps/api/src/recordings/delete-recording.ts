import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { deleteRecordingRow, type RecordingRow } from '@folkemote/db';
import { recordingObjectsDeleted, recordingsDeleted } from '@folkemote/metrics';
import { deletePrefix, headObject, publicKeys, rawKeys } from '@folkemote/storage';
import type { ApiDeps } from '../api-deps.ts';

/**
 * Deletes a recording for good: its public files first (pages, versions, captions, chapters: nothing
 * public is left to link to what follows), then its source and review copies in the raw bucket, then
 * the row (its versions, captions and chapters go with it). Counted, and logged with ids and counts only.
 */
export async function deleteRecording(
  deps: Pick<ApiDeps, 'db' | 's3' | 's3Settings' | 'queues' | 'log'>,
  recording: Pick<RecordingRow, 'id' | 'sourceKey' | 'publication' | 'state'>,
): Promise<number> {
  const { publicBucket, rawBucket } = deps.s3Settings;
  const publicObjects = await deletePrefix(deps.s3, publicBucket, publicKeys.recordingPrefix(recording.id));
  let rawObjects = await deletePrefix(deps.s3, rawBucket, rawKeys.reviewPrefix(recording.id));
  rawObjects += await deletePrefix(deps.s3, rawBucket, rawKeys.recordingPrefix(recording.id));
  // A live-room source is where LiveKit's egress wrote it, outside the recording's prefix.
  if (
    !recording.sourceKey.startsWith(rawKeys.recordingPrefix(recording.id)) &&
    (await headObject(deps.s3, rawBucket, recording.sourceKey))
  ) {
    await deps.s3.send(new DeleteObjectCommand({ Bucket: rawBucket, Key: recording.sourceKey }));
    rawObjects += 1;
  }
  await deleteRecordingRow(deps.db, recording.id);
  recordingsDeleted.inc();
  recordingObjectsDeleted.inc({ bucket: 'public' }, publicObjects);
  recordingObjectsDeleted.inc({ bucket: 'raw' }, rawObjects);
  // A public replay leaves the archive and the feeds.
  if (recording.publication === 'public') await deps.queues.enqueue('site.rebuild', {});
  deps.log.info({ recordingId: recording.id, publicObjects, rawObjects }, 'recording deleted');
  return publicObjects + rawObjects;
}
