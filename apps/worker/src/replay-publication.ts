import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { findPublishedReplay, findRecording, findVersion } from '@folkemote/db';
import { isPubliclyVisible } from '@folkemote/domain';
import { copyPrefix, deletePrefix, publicKeys, rawKeys } from '@folkemote/storage';
import type { WorkerDeps } from './deps.ts';
import { writeReplayPages } from './site-writer.ts';

/** Where a version's files are while it is public, and while it is not (held or unpublished). */
export function versionLocations(
  deps: Pick<WorkerDeps, 's3Settings'>,
  recordingId: string,
  versionId: string,
) {
  return {
    public: {
      bucket: deps.s3Settings.publicBucket,
      prefix: publicKeys.versionPrefix(recordingId, versionId),
    },
    review: {
      bucket: deps.s3Settings.rawBucket,
      prefix: rawKeys.reviewVersionPrefix(recordingId, versionId),
    },
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
  const where = version ? versionLocations(deps, recordingId, version.id) : null;
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
