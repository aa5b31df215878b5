import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { findPublishedReplay, findRecording, findVersion, type VersionRow } from '@folkemote/db';
import { isPubliclyVisible } from '@folkemote/domain';
import { copyPrefix, deletePrefix, publicKeys, rawKeys } from '@folkemote/storage';
import type { WorkerDeps } from './deps.ts';
import { writeReplayPages } from './site-writer.ts';

/**
 * Where a version's files are while it is public (its prefix: its own, or a broadcast's closed
 * stream), and while it is not (held or unpublished: the same keys under review in the raw bucket).
 */
export function versionLocations(deps: Pick<WorkerDeps, 's3Settings'>, version: Pick<VersionRow, 'prefix'>) {
  return {
    public: { bucket: deps.s3Settings.publicBucket, prefix: version.prefix },
    review: { bucket: deps.s3Settings.rawBucket, prefix: rawKeys.reviewCopy(version.prefix) },
  };
}

/**
 * Makes the public bucket agree with the database about one recording. Public (processed and
 * published): its current version is copied out of review where it is not in the public bucket yet,
 * master playlist last, and only then are the pages (the pointer) written. Not public: the pages go
 * first, so nothing links to the media, then the version is kept privately (copied under review)
 * and every version's media leaves the public bucket. Each step can run again without harm.
 */
export async function syncReplayPublication(
  deps: WorkerDeps,
  recordingId: string,
): Promise<'public' | 'private' | 'missing'> {
  const recording = await findRecording(deps.db, recordingId);
  if (!recording) return 'missing';
  const version = recording.publishedVersionId
    ? await findVersion(deps.db, recording.publishedVersionId)
    : null;
  const where = version ? versionLocations(deps, version) : null;
  if (isPubliclyVisible(recording.state, recording.publication) && version?.manifest && where) {
    await copyPrefix(deps.s3, where.review, where.public, { last: [version.manifest.master] });
    const replay = await findPublishedReplay(deps.db, recordingId);
    if (replay) await writeReplayPages(deps, replay);
    return 'public';
  }
  await removeReplayPages(deps, recordingId);
  if (where)
    await copyPrefix(deps.s3, where.public, where.review, {
      last: version?.manifest ? [version.manifest.master] : [],
    });
  await deletePrefix(deps.s3, deps.s3Settings.publicBucket, `${publicKeys.recordingPrefix(recordingId)}v/`);
  // A broadcast's stream goes too, whichever version is current: nothing of it stays reachable.
  await deletePrefix(deps.s3, deps.s3Settings.publicBucket, publicKeys.broadcastStreamPrefix(recordingId));
  return 'private';
}

/** The replay page (the pointer) first, then the embed, oEmbed and machine-readable pointer. */
async function removeReplayPages(deps: WorkerDeps, recordingId: string): Promise<void> {
  for (const key of [
    publicKeys.replayPage(recordingId),
    publicKeys.embedPage(recordingId),
    publicKeys.oembed(recordingId),
    publicKeys.pointer(recordingId),
  ]) {
    await deps.s3.send(new DeleteObjectCommand({ Bucket: deps.s3Settings.publicBucket, Key: key }));
  }
}
